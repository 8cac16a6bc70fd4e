// Markdown typed into a rich-text box becomes formatting as it is typed, the way the stock message box
// does it: an inline mark when its closing marker is typed (`**b**`, `*i*`, `_i_`, `~~s~~`, `` `c` ``,
// `[text](url)`), a block when its marker and a space start an empty line (`# `, `- `, `1. `, `> `,
// "``` "). Only the text just before the caret is looked at, so literal markers elsewhere stay text.

const SPACE = '[ \\u00a0]';
const INLINE: { re: RegExp; tag: string }[] = [
  { re: new RegExp(`(?:^|${SPACE})(\\*\\*([^*\\s](?:[^*]*[^*\\s])?)\\*\\*)$`), tag: 'strong' },
  { re: new RegExp(`(?:^|${SPACE})(__([^_\\s](?:[^_]*[^_\\s])?)__)$`), tag: 'strong' },
  { re: new RegExp(`(?:^|[^*])(\\*([^*\\s](?:[^*]*[^*\\s])?)\\*)$`), tag: 'em' },
  { re: new RegExp(`(?:^|${SPACE})(_([^_\\s](?:[^_]*[^_\\s])?)_)$`), tag: 'em' },
  { re: /(~~([^~\s](?:[^~]*[^~\s])?)~~)$/, tag: 'del' },
  { re: /(`([^`]+)`)$/, tag: 'code' },
  { re: /(\[([^\]]+)\]\(((?:https?:\/\/|mailto:|\/)[^)\s]+)\))$/, tag: 'a' }
];

export type BlockRule = { command: 'formatBlock'; value: string } | { command: 'insertUnorderedList' | 'insertOrderedList' };

/** The block a marker typed at the start of an empty line asks for (`text` is the whole line). */
export function blockRule(text: string): BlockRule | null {
  const line = text.replace(/\u00a0/g, ' ');
  const heading = /^(#{1,6}) $/.exec(line);
  if (heading) return { command: 'formatBlock', value: `H${heading[1].length}` };
  if (/^[-*+] $/.test(line)) return { command: 'insertUnorderedList' };
  if (/^1[.)] $/.test(line)) return { command: 'insertOrderedList' };
  if (line === '> ') return { command: 'formatBlock', value: 'BLOCKQUOTE' };
  if (line === '``` ') return { command: 'formatBlock', value: 'PRE' };
  return null;
}

export interface InlineMatch {
  /** Where the marked-up text starts in the text before the caret. */
  start: number;
  tag: string;
  text: string;
  href?: string;
}

/** The inline mark that the text before the caret has just closed, if any. */
export function inlineRule(before: string): InlineMatch | null {
  for (const { re, tag } of INLINE) {
    const m = re.exec(before);
    if (!m) continue;
    return { start: before.length - m[1].length, tag, text: m[2], href: tag === 'a' ? m[3] : undefined };
  }
  return null;
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

/** The text of the line holding the caret's text node (from the start of its block or the last line break). */
function lineOf(root: HTMLElement, node: Text): string {
  let block: Node = node;
  while (block.parentNode && block.parentNode !== root && !BLOCK_TAGS.has((block.parentNode as Element).tagName)) block = block.parentNode;
  const container = block.parentNode ?? root;
  let text = '';
  for (const child of Array.from(container.childNodes)) {
    if (child.nodeName === 'BR') text = '';
    else if (child instanceof Element && BLOCK_TAGS.has(child.tagName)) text = '';
    else text += child.textContent ?? '';
  }
  return text.replace(/\u200b/g, '');
}

/**
 * Applies the rule the last typed character completed, at the caret inside `root`; true when the
 * content changed. The caret ends after the new mark (outside it, so typing goes on unformatted).
 */
export function applyInputRules(root: HTMLElement): boolean {
  const doc = root.ownerDocument;
  const sel = doc.getSelection();
  if (!sel || !sel.isCollapsed || sel.anchorNode?.nodeType !== Node.TEXT_NODE || !root.contains(sel.anchorNode)) return false;
  const node = sel.anchorNode as Text;
  if (node.parentElement?.closest('code, pre')) return false;
  const offset = sel.anchorOffset;
  const before = node.data.slice(0, offset);

  const text = lineOf(root, node);
  const rule = offset === node.data.length && before.replace(/\u200b/g, '') === text && !node.parentElement?.closest('li') ? blockRule(text) : null;
  if (rule) {
    // The marker goes; an empty line keeps a <br> so the caret has a place to be formatted.
    const line = node.parentNode!;
    node.remove();
    if (!line.textContent?.replace(/\u200b/g, '')) line.replaceChildren(doc.createElement('br'));
    const range = doc.createRange();
    range.setStart(line, 0);
    sel.removeAllRanges();
    sel.addRange(range);
    doc.execCommand(rule.command, false, 'value' in rule ? rule.value : undefined);
    return true;
  }

  const m = inlineRule(before);
  if (!m) return false;
  const mark = doc.createElement(m.tag);
  mark.textContent = m.text;
  if (m.href) mark.setAttribute('href', m.href);
  const range = doc.createRange();
  range.setStart(node, m.start);
  range.setEnd(node, offset);
  range.deleteContents();
  range.insertNode(mark);
  // A zero-width space after the mark holds the caret outside it; the Markdown drops it.
  const after = doc.createTextNode('\u200b');
  mark.after(after);
  const caret = doc.createRange();
  caret.setStart(after, 1);
  sel.removeAllRanges();
  sel.addRange(caret);
  return true;
}

/** Pasted plain text that reads as Markdown (marks, headings, lists, quotes, fences, links). */
export const looksLikeMarkdown = (text: string) => /(\*\*|__|~~|`|\[[^\]]+\]\(|^#{1,6} |^[-*+] |^\d+[.)] |^> )/m.test(text);
