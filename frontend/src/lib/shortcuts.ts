// Keyboard shortcuts of the chat screen, the stock UI's keys (Ctrl is ⌘ on a Mac).
export type ShortcutAction = 'newChat' | 'focusInput' | 'toggleSidebar' | 'copyLastAnswer';

export const SHORTCUTS: { keys: string; action: ShortcutAction; label: string }[] = [
  { keys: 'Ctrl+Shift+O', action: 'newChat', label: 'New chat' },
  { keys: 'Shift+Escape', action: 'focusInput', label: 'Focus the message box' },
  { keys: 'Ctrl+Shift+S', action: 'toggleSidebar', label: 'Show or hide the sidebar' },
  { keys: 'Ctrl+Shift+C', action: 'copyLastAnswer', label: 'Copy the last answer' }
];

/** The action a key press asks for, or null. */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): ShortcutAction | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (e.altKey) return null;
  if (!ctrl && e.shiftKey && key === 'escape') return 'focusInput';
  if (!ctrl || !e.shiftKey) return null;
  return key === 'o' ? 'newChat' : key === 's' ? 'toggleSidebar' : key === 'c' ? 'copyLastAnswer' : null;
}
