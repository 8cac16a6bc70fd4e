// Interface options applied outside components: tab title, chat direction, formatted copies.
import { describe, expect, it } from 'vitest';
import { formattedCopy } from '../src/lib/chat/copy';
import { textDirection } from '../src/lib/chat/direction';
import { tabTitle } from '../src/lib/chat/tabTitle';

describe('tab title', () => {
  it('puts the chat title before the app name, cut at 30 characters', () => {
    expect(tabTitle('Open WebUI', 'Trip plans', true)).toBe('Trip plans • Open WebUI');
    expect(tabTitle('Open WebUI', 'x'.repeat(40), true)).toBe(`${'x'.repeat(30)}… • Open WebUI`);
  });

  it('shows only the app name when turned off, for a new chat, or without a title', () => {
    expect(tabTitle('Open WebUI', 'Trip plans', false)).toBe('Open WebUI');
    expect(tabTitle('Open WebUI', 'New Chat', true)).toBe('Open WebUI');
    expect(tabTitle('Open WebUI', '  ', true)).toBe('Open WebUI');
  });
});

describe('chat direction', () => {
  it('maps the stock values to dir and falls back to auto', () => {
    expect(textDirection('RTL')).toBe('rtl');
    expect(textDirection('LTR')).toBe('ltr');
    expect(textDirection('auto')).toBe('auto');
    expect(textDirection(undefined)).toBe('auto');
    expect(textDirection('sideways')).toBe('auto');
  });
});

describe('formatted copy', () => {
  it('gives rendered HTML and text without Markdown marks or code-block buttons', () => {
    const { html, plain } = formattedCopy('Some **bold** text\n\n```js\nlet a = 1;\n```');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<button');
    expect(plain).toContain('Some bold text');
    expect(plain).toContain('let a = 1;');
    expect(plain).not.toContain('**');
    expect(plain).not.toMatch(/Copy/);
  });
});
