import { describe, expect, it } from 'vitest';
import { lastCodeBlock, shortcutOf } from '../src/lib/shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutOf', () => {
  it('maps the stock keys, with Ctrl or ⌘', () => {
    expect(shortcutOf(key('O', { ctrlKey: true, shiftKey: true }))).toBe('newChat');
    expect(shortcutOf(key('o', { metaKey: true, shiftKey: true }))).toBe('newChat');
    expect(shortcutOf(key('S', { ctrlKey: true, shiftKey: true }))).toBe('toggleSidebar');
    expect(shortcutOf(key('C', { ctrlKey: true, shiftKey: true }))).toBe('copyLastAnswer');
    expect(shortcutOf(key('Escape', { shiftKey: true }))).toBe('focusInput');
  });

  it('leaves ordinary typing and browser keys alone', () => {
    expect(shortcutOf(key('o'))).toBeNull();
    expect(shortcutOf(key('c', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('s', { ctrlKey: true, shiftKey: true, altKey: true }))).toBeNull();
  });
});

describe('more stock shortcuts', () => {
  it('maps Ctrl+/ to the dialog, Ctrl+K to search, Ctrl+. to settings, Esc to stop, Ctrl+Shift+; to the last code block', () => {
    expect(shortcutOf(key('/', { ctrlKey: true }))).toBe('showShortcuts');
    expect(shortcutOf(key('k', { metaKey: true }))).toBe('search');
    expect(shortcutOf(key('.', { ctrlKey: true }))).toBe('settings');
    expect(shortcutOf(key('Escape'))).toBe('stopGenerating');
    expect(shortcutOf(key(':', { ctrlKey: true, shiftKey: true }))).toBe('copyLastCode');
    expect(shortcutOf(key('Backspace', { ctrlKey: true, shiftKey: true }))).toBe('deleteChat');
    expect(shortcutOf(key('Backspace', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('/'))).toBeNull();
  });

  it('finds the last fenced code block of an answer', () => {
    expect(lastCodeBlock('a\n```py\nprint(1)\n```\ntext\n~~~\nsecond\nline\n~~~\n')).toBe('second\nline');
    expect(lastCodeBlock('no code here')).toBeNull();
  });
});
