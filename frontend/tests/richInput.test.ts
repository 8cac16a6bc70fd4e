// The chat's rich-text message box: its Markdown (what is sent, in the stock box's style), the
// Markdown ↔ rich-text round trip, and the typed-Markdown rules that format as one writes.
import { describe, expect, it } from 'vitest';
import { CHAT_STYLE, domToMarkdown } from '../src/lib/richtext/domMarkdown';
import { applyInputRules, blockRule, inlineRule, looksLikeMarkdown } from '../src/lib/richtext/inputRules';
import { richHtml } from '../src/lib/richtext/richHtml';

const box = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
};
const chatMd = (html: string) => domToMarkdown(box(html), CHAT_STYLE);

describe('rich text → Markdown (chat style)', () => {
  it('writes marks, headings, lists, quotes and links as the stock box sends them', () => {
    expect(chatMd('<p>say <strong>bold</strong>\u200b and <em>it</em> then <del>gone</del> and <code>x()</code></p>')).toBe('say **bold** and _it_ then ~~gone~~ and `x()`');
    expect(chatMd('<h1>Title</h1><h3>Small</h3>')).toBe('# Title\n\n### Small');
    expect(chatMd('<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>')).toBe('*   one\n*   two\n\n1.  first\n2.  second');
    expect(chatMd('<blockquote><p>quoted</p></blockquote><p><a href="https://example.org">site</a></p>')).toBe('> quoted\n\n[site](https://example.org)');
    expect(chatMd('<pre><code>let a = 1;</code></pre>')).toBe('```\nlet a = 1;\n```');
  });

  it('keeps literal text unescaped and a line break as two spaces and a newline', () => {
    expect(chatMd('<p>2 * 3 = 6, snake_case and [x]</p>')).toBe('2 * 3 = 6, snake_case and [x]');
    expect(chatMd('<p>first<br>second</p><p>next paragraph</p>')).toBe('first  \nsecond\n\nnext paragraph');
    // The notes keep their escaping style.
    expect(domToMarkdown(box('<p>2 * 3</p>'))).toBe('2 \\* 3');
  });

  it('drops the zero-width spaces that hold the caret and the empty paragraph of an empty box', () => {
    expect(chatMd('<p><strong>b</strong>\u200b</p>')).toBe('**b**');
    expect(chatMd('<p><br></p>')).toBe('');
  });
});

describe('Markdown → rich text → Markdown', () => {
  it('gives back the Markdown of every form the box makes', () => {
    const md = '**bold** _it_ ~~s~~ `c` [l](https://x.org)\n\n# Head\n\n*   one\n*   two\n\n1.  a\n2.  b\n\n> quote\n\nline  \nbreak';
    expect(domToMarkdown(box(richHtml(md)), CHAT_STYLE)).toBe(md);
  });

  it('shows typed Markdown formatted (bold, italic, code, lists, headings, links)', () => {
    const html = richHtml('**b** *i* `c`\n\n## H\n\n- item\n\n[l](https://x.org)');
    expect(html).toContain('<strong>b</strong>');
    expect(html).toContain('<em>i</em>');
    expect(html).toContain('<code>c</code>');
    expect(html).toContain('<h2>H</h2>');
    expect(html).toMatch(/<ul>\s*<li>item<\/li>/);
    expect(html).toContain('<a href="https://x.org">l</a>');
  });
});

describe('typed Markdown rules', () => {
  it('closes an inline mark only when its closing marker is typed', () => {
    expect(inlineRule('say **bold**')).toEqual({ start: 4, tag: 'strong', text: 'bold', href: undefined });
    expect(inlineRule('say **bold*')).toBeNull();
    expect(inlineRule('an *it*')?.tag).toBe('em');
    expect(inlineRule('an _it_')?.tag).toBe('em');
    expect(inlineRule('x ~~old~~')?.tag).toBe('del');
    expect(inlineRule('run `ls`')).toMatchObject({ tag: 'code', text: 'ls' });
    expect(inlineRule('see [docs](https://x.org/a)')).toMatchObject({ tag: 'a', text: 'docs', href: 'https://x.org/a' });
    expect(inlineRule('see [x](javascript:alert(1))')).toBeNull();
    expect(inlineRule('2 * 3 * 4')).toBeNull();
    expect(inlineRule('snake_case_')).toBeNull();
  });

  it('turns a marker and a space at the start of a line into a block', () => {
    expect(blockRule('# ')).toEqual({ command: 'formatBlock', value: 'H1' });
    expect(blockRule('###\u00a0')).toEqual({ command: 'formatBlock', value: 'H3' });
    expect(blockRule('- ')).toEqual({ command: 'insertUnorderedList' });
    expect(blockRule('1. ')).toEqual({ command: 'insertOrderedList' });
    expect(blockRule('> ')).toEqual({ command: 'formatBlock', value: 'BLOCKQUOTE' });
    expect(blockRule('#')).toBeNull();
    expect(blockRule('#tag')).toBeNull();
    expect(blockRule('a - ')).toBeNull();
  });

  it('formats the text before the caret and leaves the caret outside the new mark', () => {
    const root = box('<p>say **bold**</p>');
    document.body.append(root);
    const text = root.querySelector('p')!.firstChild!;
    getSelection()!.collapse(text, text.textContent!.length);
    expect(applyInputRules(root)).toBe(true);
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(getSelection()!.anchorNode!.parentElement!.closest('strong')).toBeNull();
    expect(domToMarkdown(root, CHAT_STYLE)).toBe('say **bold**');
    root.remove();
  });

  it('tells pasted Markdown from plain text', () => {
    expect(looksLikeMarkdown('# Title\n\nbody')).toBe(true);
    expect(looksLikeMarkdown('some **bold** words')).toBe(true);
    expect(looksLikeMarkdown('just a sentence, 2 - 1 = 1')).toBe(false);
  });
});
