// Formatting commands of the Markdown editors (notes, chat box), as pure functions on "text + selection":
// inline marks wrap or unwrap the selection, line formats add or remove a prefix on every selected
// line. The result is written to the Y.Text like typing (minimal change), so co-editing is unaffected.

export interface Selected {
  text: string;
  start: number;
  end: number;
}

export type FormatCommand = 'bold' | 'italic' | 'strike' | 'code' | 'h1' | 'h2' | 'h3' | 'bullet' | 'numbered' | 'task' | 'quote' | 'codeblock' | 'link';

const MARKS: Partial<Record<FormatCommand, string>> = { bold: '**', italic: '*', strike: '~~', code: '`' };
const PREFIXES: Partial<Record<FormatCommand, string>> = { h1: '# ', h2: '## ', h3: '### ', bullet: '- ', task: '- [ ] ', quote: '> ' };
/** Any block prefix a line may already carry (replaced when another one is chosen). */
const ANY_PREFIX = /^(#{1,6} |> |[-*+] \[[ xX]\] |[-*+] |\d+[.)] )/;

/** `mark` surrounds text[start, end) exactly (an italic `*` is not half of a bold `**`). */
function wrapped(text: string, start: number, end: number, mark: string): boolean {
  if (start < mark.length || text.slice(start - mark.length, start) !== mark || text.slice(end, end + mark.length) !== mark) return false;
  if (mark !== '*') return true;
  const before = text.slice(0, start - 1).match(/\**$/)![0].length;
  const after = text.slice(end + 1).match(/^\**/)![0].length;
  // "*x*" is italic, "**x**" bold, "***x***" both.
  return before % 2 === 0 && after % 2 === 0 || (before === 2 && after === 2);
}

function toggleMark(s: Selected, mark: string): Selected {
  const { text, start, end } = s;
  if (wrapped(text, start, end, mark)) {
    return { text: text.slice(0, start - mark.length) + text.slice(start, end) + text.slice(end + mark.length), start: start - mark.length, end: end - mark.length };
  }
  const inner = text.slice(start, end);
  if (inner.length >= 2 * mark.length && inner.startsWith(mark) && inner.endsWith(mark) && wrapped(inner, mark.length, inner.length - mark.length, mark)) {
    const bare = inner.slice(mark.length, inner.length - mark.length);
    return { text: text.slice(0, start) + bare + text.slice(end), start, end: start + bare.length };
  }
  return { text: text.slice(0, start) + mark + inner + mark + text.slice(end), start: start + mark.length, end: end + mark.length };
}

/** Start of the line holding `i`, and the end of the line holding `j`. */
function lineSpan(text: string, i: number, j: number): [number, number] {
  const from = text.lastIndexOf('\n', i - 1) + 1;
  const next = text.indexOf('\n', Math.max(j - (j > i && text[j - 1] === '\n' ? 1 : 0), i));
  return [from, next === -1 ? text.length : next];
}

function toggleLines(s: Selected, command: FormatCommand): Selected {
  const [from, to] = lineSpan(s.text, s.start, s.end);
  const lines = s.text.slice(from, to).split('\n');
  const prefix = (n: number) => (command === 'numbered' ? `${n + 1}. ` : PREFIXES[command]!);
  const has = (line: string, n: number) => (command === 'numbered' ? /^\d+[.)] /.test(line) : line.startsWith(prefix(n)) && (command !== 'bullet' || !/^- \[[ xX]\] /.test(line)));
  const remove = lines.filter((l) => l.trim()).every(has);
  let n = 0;
  const changed = lines.map((line) => {
    if (!line.trim() && lines.length > 1) return line;
    if (remove) return line.replace(ANY_PREFIX, '');
    return prefix(n++) + line.replace(ANY_PREFIX, '');
  });
  const block = changed.join('\n');
  const text = s.text.slice(0, from) + block + s.text.slice(to);
  if (s.start === s.end) {
    const caret = Math.max(from, s.start + (changed[0].length - lines[0].length));
    return { text, start: caret, end: caret };
  }
  return { text, start: from, end: from + block.length };
}

function codeBlock(s: Selected): Selected {
  const [from, to] = lineSpan(s.text, s.start, s.end);
  const body = s.text.slice(from, to);
  const fenced = /^```[^\n]*\n([\s\S]*)\n```$/.exec(body);
  const block = fenced ? fenced[1] : '```\n' + body + '\n```';
  const text = s.text.slice(0, from) + block + s.text.slice(to);
  const caret = fenced ? from : from + 4;
  return { text, start: caret, end: caret + (fenced ? block.length : body.length) };
}

function link(s: Selected, url: string): Selected {
  const label = s.text.slice(s.start, s.end) || url;
  const inserted = `[${label}](${url})`;
  return { text: s.text.slice(0, s.start) + inserted + s.text.slice(s.end), start: s.start + 1, end: s.start + 1 + label.length };
}

/** Applies a toolbar or shortcut command; `url` is needed for `link` (without it nothing changes). */
export function applyFormat(s: Selected, command: FormatCommand, url?: string): Selected {
  const mark = MARKS[command];
  if (mark) return toggleMark(s, mark);
  if (command === 'codeblock') return codeBlock(s);
  if (command === 'link') return url ? link(s, url) : s;
  return toggleLines(s, command);
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The editor's shortcuts (the usual rich-text keys; Ctrl is ⌘ on a Mac). */
export function formatShortcut(e: KeyLike): FormatCommand | null {
  if (!(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  const digit = /^Digit(\d)$/.exec(e.code ?? '')?.[1] ?? (/^\d$/.test(e.key) ? e.key : '');
  if (e.altKey && !e.shiftKey) return ({ '1': 'h1', '2': 'h2', '3': 'h3' } as const)[digit as '1'] ?? (key === 'c' ? 'codeblock' : null);
  if (e.shiftKey) {
    if (key === 'x') return 'strike';
    if (key === 'b') return 'quote';
    return ({ '7': 'numbered', '8': 'bullet', '9': 'task' } as const)[digit as '7'] ?? null;
  }
  return ({ b: 'bold', i: 'italic', e: 'code', k: 'link' } as const)[key as 'b'] ?? null;
}

/** Shortcut shown in the toolbar's tooltips. */
export const SHORTCUT_LABELS: Record<FormatCommand, string> = {
  bold: 'Ctrl+B', italic: 'Ctrl+I', strike: 'Ctrl+Shift+X', code: 'Ctrl+E', link: 'Ctrl+K',
  h1: 'Ctrl+Alt+1', h2: 'Ctrl+Alt+2', h3: 'Ctrl+Alt+3', bullet: 'Ctrl+Shift+8', numbered: 'Ctrl+Shift+7',
  task: 'Ctrl+Shift+9', quote: 'Ctrl+Shift+B', codeblock: 'Ctrl+Alt+C'
};
