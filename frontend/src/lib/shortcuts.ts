// Keyboard shortcuts of the app, the stock UI's keys (Ctrl is ⌘ on a Mac).
export type ShortcutAction =
  | 'newChat'
  | 'focusInput'
  | 'stopGenerating'
  | 'copyLastCode'
  | 'copyLastAnswer'
  | 'search'
  | 'settings'
  | 'toggleSidebar'
  | 'deleteChat'
  | 'showShortcuts';

interface Shortcut {
  action: ShortcutAction;
  /** Keys as shown in the shortcuts dialog. */
  keys: string[];
  label: string;
  ctrl: boolean;
  shift: boolean;
  /** `KeyboardEvent.key` values, lower case (Shift changes some: ";" is ":" on a US layout). */
  match: string[];
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'newChat', keys: ['Ctrl/⌘', 'Shift', 'O'], label: 'Open new chat', ctrl: true, shift: true, match: ['o'] },
  { action: 'focusInput', keys: ['Shift', 'Esc'], label: 'Focus chat input', ctrl: false, shift: true, match: ['escape'] },
  { action: 'stopGenerating', keys: ['Esc'], label: 'Stop generating', ctrl: false, shift: false, match: ['escape'] },
  { action: 'copyLastCode', keys: ['Ctrl/⌘', 'Shift', ';'], label: 'Copy last code block', ctrl: true, shift: true, match: [';', ':'] },
  { action: 'copyLastAnswer', keys: ['Ctrl/⌘', 'Shift', 'C'], label: 'Copy last response', ctrl: true, shift: true, match: ['c'] },
  { action: 'search', keys: ['Ctrl/⌘', 'K'], label: 'Search chats', ctrl: true, shift: false, match: ['k'] },
  { action: 'settings', keys: ['Ctrl/⌘', '.'], label: 'Toggle settings', ctrl: true, shift: false, match: ['.'] },
  { action: 'toggleSidebar', keys: ['Ctrl/⌘', 'Shift', 'S'], label: 'Toggle sidebar', ctrl: true, shift: true, match: ['s'] },
  { action: 'deleteChat', keys: ['Ctrl/⌘', 'Shift', '⌫/Delete'], label: 'Delete chat', ctrl: true, shift: true, match: ['backspace', 'delete'] },
  { action: 'showShortcuts', keys: ['Ctrl/⌘', '/'], label: 'Show shortcuts', ctrl: true, shift: false, match: ['/'] }
];

/** The action a key press asks for, or null. */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): ShortcutAction | null {
  if (e.altKey) return null;
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  return SHORTCUTS.find((s) => s.ctrl === ctrl && s.shift === e.shiftKey && s.match.includes(key))?.action ?? null;
}

/** The last fenced code block of a Markdown text, without its fences. */
export function lastCodeBlock(markdown: string): string | null {
  const blocks = [...markdown.matchAll(/^ {0,3}(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^ {0,3}\1[ \t]*$/gm)];
  const last = blocks.at(-1);
  return last ? last[2].replace(/\n$/, '') : null;
}
