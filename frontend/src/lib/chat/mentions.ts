// `#` and `@` typed in the message box: the word being typed at the caret, when it starts with one
// of them (at the start of the text or after a space), opens a list — knowledge for `#`, models for `@`.

export interface Mention {
  trigger: '#' | '@';
  query: string;
  /** Index of the trigger character in the text. */
  start: number;
}

export function mentionAt(text: string, caret: number): Mention | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)([#@])(\S*)$/.exec(before);
  if (!m) return null;
  return { trigger: m[2] as '#' | '@', query: m[3].toLowerCase(), start: before.length - m[3].length - 1 };
}

/** The text with the mention typed so far removed; returns it and where the caret goes. */
export function dropMention(text: string, mention: Mention, caret: number): { text: string; caret: number } {
  return { text: text.slice(0, mention.start) + text.slice(caret), caret: mention.start };
}

/** Case-insensitive match of the query against any of the given names. */
export const matchesQuery = (query: string, ...names: (string | undefined)[]) => names.some((n) => n?.toLowerCase().includes(query));

/**
 * A key pressed while a suggestion list is open: arrows move the highlight (wrapping), Enter/Tab
 * pick it, Escape closes the list; null for any other key (the box handles it).
 */
export function suggestionKey(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>, count: number, active: number): { move: number } | 'pick' | 'close' | null {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') return { move: (active + (e.key === 'ArrowDown' ? 1 : count - 1)) % count };
  if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) return 'pick';
  if (e.key === 'Escape') return 'close';
  return null;
}
