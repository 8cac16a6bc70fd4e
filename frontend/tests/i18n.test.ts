import { describe, expect, it, beforeEach } from 'vitest';
import { i18n, loadMessages, setLocale, storedLocale, t } from '../src/lib/i18n.svelte';
import { FEEDBACK_REASONS } from '../src/lib/chat/feedback';
import { usedKeys } from './i18nKeys';
import zh from '../src/locales/zh-CN.json';

describe('i18n', () => {
  beforeEach(async () => {
    localStorage.clear();
    await setLocale('en-US');
  });

  it('shows English keys as they are, with placeholders filled', () => {
    expect(t('Hello, {{name}}', { name: 'Ada' })).toBe('Hello, Ada');
    expect(t('A string nobody translated')).toBe('A string nobody translated');
  });

  it('loads a language when it is chosen, remembers it, and falls back for unknown codes', async () => {
    await setLocale('zh-CN');
    expect(i18n.locale).toBe('zh-CN');
    expect(storedLocale()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(t('Hello, {{name}}', { name: 'Ada' })).toBe('你好，Ada');
    await setLocale('xx-XX');
    expect(i18n.locale).toBe('en-US');
    expect(localStorage.getItem('locale')).toBeNull();
    expect(await loadMessages('en-US')).toBeNull();
  });

  it('has a Simplified Chinese text for every string the app shows', () => {
    const keys = [...usedKeys('src'), ...FEEDBACK_REASONS, 'Today', 'Yesterday', 'Previous 7 days', 'Previous 30 days'];
    expect(keys.length).toBeGreaterThan(150);
    const table = zh as Record<string, string>;
    expect(keys.filter((k) => !table[k]?.trim())).toEqual([]);
  });

  it('keeps the placeholders of every translation', () => {
    const names = (s: string) => [...s.matchAll(/{{\w+}}/g)].map((m) => m[0]).sort();
    for (const [key, text] of Object.entries(zh as Record<string, string>)) expect(names(text), key).toEqual(names(key));
  });
});
