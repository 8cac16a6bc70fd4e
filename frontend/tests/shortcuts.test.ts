import { describe, expect, it } from 'vitest';
import { shortcutOf } from '../src/lib/shortcuts';

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
    expect(shortcutOf(key('Escape'))).toBeNull();
  });
});
