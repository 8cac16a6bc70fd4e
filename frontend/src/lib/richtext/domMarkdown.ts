// The rich-text editors' way back to Markdown: the editable DOM (what `richHtml` rendered, then edited
// by the browser) written out as Markdown. Only the forms the toolbar makes and marked renders are
// known; anything else keeps its text. Two styles: the notes' (text escaped, so the Y.Text reads back
// the same) and the chat box's, which writes what the stock message box sends (no escaping, `_`
// emphasis, `*   ` bullets, `1.  ` numbers, a line break as two spaces and a newline).

export interface MarkdownStyle {
  escape: boolean;
  em: string;
  bullet: string;
  ordered: (n: number) => string;
  br: string;
}

export const NOTE_STYLE: MarkdownStyle = { escape: true, em: '*', bullet: '- ', ordered: (n) => `${n}. `, br: '\n' };
export const CHAT_STYLE: MarkdownStyle = { escape: false, em: '_', bullet: '*   ', ordered: (n) => `${n}.  `, br: '  \n' };

let style: MarkdownStyle = NOTE_STYLE;

const escapeText = (s: string) =>
  style.escape ? s.replace(/([\\`*[\]])/g, '\\$1').replace(/(^|[\s(])_/g, '$1\\_').replace(/_(?=[\s.,;:!?)]|$)/g, '\\_') : s;
/** Text at the start of a paragraph that Markdown would read as a block marker. */
const escapeStart = (s: string) => (style.escape ? s.replace(/^(#{1,6}\s|>|[-+]\s|\d+[.)]\s)/, '\\$1') : s);

function inline(node: Node): string {
  let out = '';
  node.childNodes.forEach((child) => {
    out += inlineNode(child);
  });
  return out;
}

function wrap(mark: string, inner: string): string {
  if (!inner.trim()) return inner;
  // Marks must touch the text: "** x **" is not bold.
  const lead = inner.match(/^\s*/)![0];
  const trail = inner.match(/\s*$/)![0];
  return `${lead}${mark}${inner.trim()}${mark}${trail}`;
}

function inlineNode(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return escapeText((node.textContent ?? '').replace(/\u200b/g, '').replace(/\u00a0/g, ' ').replace(/\n/g, ' '));
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as HTMLElement;
  switch (el.tagName) {
    case 'STRONG':
    case 'B':
      return wrap('**', inline(el));
    case 'EM':
    case 'I':
      return wrap(style.em, inline(el));
    case 'DEL':
    case 'S':
    case 'STRIKE':
      return wrap('~~', inline(el));
    case 'CODE': {
      const code = el.textContent ?? '';
      const ticks = code.includes('`') ? '``' : '`';
      return code ? `${ticks}${code}${ticks}` : '';
    }
    case 'A': {
      const href = el.getAttribute('href') ?? '';
      const label = inline(el);
      return href ? `[${label}](${href})` : label;
    }
    case 'IMG':
      return `![${el.getAttribute('alt') ?? ''}](${el.getAttribute('src') ?? ''})`;
    case 'BR':
      return style.br;
    case 'INPUT':
      return '';
    default:
      return isBlock(el) ? block(el).join('\n\n') : inline(el);
  }
}

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'PRE', 'BLOCKQUOTE', 'HR', 'TABLE']);
const isBlock = (el: Element) => BLOCKS.has(el.tagName);

function paragraph(text: string): string[] {
  const t = text.replace(/\n+$/, '').replace(/^\n+/, '');
  return t.trim() ? [escapeStart(t)] : [];
}

function listItem(li: HTMLElement, marker: string, indent: string): string {
  const box = li.querySelector(':scope > input[type=checkbox], :scope > p > input[type=checkbox]') as HTMLInputElement | null;
  const head = box ? `${marker}[${box.checked ? 'x' : ' '}] ` : marker;
  const pad = ' '.repeat(head.length);
  const parts: string[] = [];
  let text = '';
  const flush = () => {
    if (text.trim()) parts.push(text.replace(/^\s+/, '').replace(/\n+$/, ''));
    text = '';
  };
  li.childNodes.forEach((child) => {
    if (child instanceof HTMLElement && (child.tagName === 'UL' || child.tagName === 'OL')) {
      flush();
      parts.push(list(child, indent + pad));
    } else if (child instanceof HTMLElement && isBlock(child)) {
      flush();
      parts.push(...block(child));
    } else text += inlineNode(child);
  });
  flush();
  const [first = '', ...rest] = parts;
  const tail = rest.map((p) => (p.startsWith(indent + pad) ? p : p.split('\n').map((l) => indent + pad + l).join('\n')));
  return [indent + head + first.split('\n').join('\n' + indent + pad), ...tail].join('\n');
}

function list(el: HTMLElement, indent = ''): string {
  const ordered = el.tagName === 'OL';
  let n = Number(el.getAttribute('start') ?? 1) || 1;
  const items: string[] = [];
  for (const li of Array.from(el.children)) {
    if (li.tagName !== 'LI') continue;
    items.push(listItem(li as HTMLElement, ordered ? style.ordered(n++) : style.bullet, indent));
  }
  return items.join('\n');
}

function table(el: HTMLElement): string {
  const rows = Array.from(el.querySelectorAll('tr')).map((tr) => Array.from(tr.children).map((c) => inline(c).replace(/\|/g, '\\|').replace(/\n/g, ' ').trim()));
  if (!rows.length) return '';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

function block(el: HTMLElement): string[] {
  switch (el.tagName) {
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6': {
      const text = inline(el).replace(/\n/g, ' ').trim();
      return text ? [`${'#'.repeat(Number(el.tagName[1]))} ${text}`] : [];
    }
    case 'UL':
    case 'OL':
      return el.children.length ? [list(el)] : [];
    case 'PRE': {
      const code = el.querySelector('code');
      const lang = /language-([\w+-]+)/.exec(code?.className ?? '')?.[1] ?? '';
      return ['```' + lang + '\n' + (el.textContent ?? '').replace(/\n$/, '') + '\n```'];
    }
    case 'BLOCKQUOTE': {
      const inner = blocks(el).join('\n\n');
      return inner ? [inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')] : [];
    }
    case 'HR':
      return ['---'];
    case 'TABLE':
      return [table(el)];
    default:
      // P, and the DIVs a browser makes on Enter: their inline content, nested blocks on their own.
      if (Array.from(el.children).some(isBlock)) return blocks(el);
      return paragraph(inline(el));
  }
}

/** The blocks of a container; loose inline nodes between blocks form paragraphs. */
function blocks(container: HTMLElement): string[] {
  const out: string[] = [];
  let loose = '';
  const flush = () => {
    out.push(...paragraph(loose));
    loose = '';
  };
  container.childNodes.forEach((child) => {
    if (child instanceof HTMLElement && isBlock(child)) {
      flush();
      out.push(...block(child));
    } else loose += inlineNode(child);
  });
  flush();
  return out;
}

/** The Markdown of an edited rich-text body. */
export function domToMarkdown(root: HTMLElement, as: MarkdownStyle = NOTE_STYLE): string {
  style = as;
  try {
    return blocks(root).join('\n\n');
  } finally {
    style = NOTE_STYLE;
  }
}
