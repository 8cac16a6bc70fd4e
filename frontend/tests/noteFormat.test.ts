// The note editor's formatting: Markdown commands on text + selection, the shortcuts, and the
// rich-text mode's round trip (Markdown → editable HTML → Markdown).
import { describe, expect, it } from 'vitest';
import { noteContent } from '../src/lib/notes/content';
import { domToMarkdown } from '../src/lib/richtext/domMarkdown';
import { applyFormat, formatShortcut, type Selected } from '../src/lib/richtext/format';
import { richHtml } from '../src/lib/richtext/richHtml';

/** `[` and `]` in the fixture mark the selection. */
function sel(marked: string): Selected {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { text: marked.replace('[', '').replace(']', ''), start, end };
}
const show = (s: Selected) => s.text.slice(0, s.start) + '[' + s.text.slice(s.start, s.end) + ']' + s.text.slice(s.end);

describe('inline marks', () => {
  it('wraps the selection and keeps it selected', () => {
    expect(show(applyFormat(sel('say [hello] now'), 'bold'))).toBe('say **[hello]** now');
    expect(show(applyFormat(sel('say [hello] now'), 'italic'))).toBe('say *[hello]* now');
    expect(show(applyFormat(sel('[x]'), 'strike'))).toBe('~~[x]~~');
    expect(show(applyFormat(sel('run [ls]'), 'code'))).toBe('run `[ls]`');
  });

  it('unwraps when the marks surround the selection or are part of it', () => {
    expect(show(applyFormat(sel('say **[hello]** now'), 'bold'))).toBe('say [hello] now');
    expect(show(applyFormat(sel('say [**hello**] now'), 'bold'))).toBe('say [hello] now');
  });

  it('does not take half of a bold mark for italics', () => {
    expect(show(applyFormat(sel('**[x]**'), 'italic'))).toBe('***[x]***');
    expect(show(applyFormat(sel('***[x]***'), 'italic'))).toBe('**[x]**');
  });

  it('puts the caret between new marks when nothing is selected', () => {
    const r = applyFormat(sel('a []b'), 'bold');
    expect(r.text).toBe('a ****b');
    expect([r.start, r.end]).toEqual([4, 4]);
  });
});

describe('line formats', () => {
  it('prefixes every selected line and toggles back', () => {
    const listed = applyFormat(sel('[one\ntwo]'), 'bullet');
    expect(listed.text).toBe('- one\n- two');
    expect(applyFormat(listed, 'bullet').text).toBe('one\ntwo');
  });

  it('numbers lines, makes task lists and quotes', () => {
    expect(applyFormat(sel('[a\nb\nc]'), 'numbered').text).toBe('1. a\n2. b\n3. c');
    expect(applyFormat(sel('buy [milk]'), 'task').text).toBe('- [ ] buy milk');
    expect(applyFormat(sel('[wise words]'), 'quote').text).toBe('> wise words');
  });

  it('replaces another block prefix instead of stacking it', () => {
    expect(applyFormat(sel('- [item]'), 'task').text).toBe('- [ ] item');
    expect(applyFormat(sel('# [Title]'), 'h2').text).toBe('## Title');
    expect(applyFormat({ text: '- [ ] done', start: 7, end: 7 }, 'bullet').text).toBe('- done');
  });

  it('keeps the caret on its word when the line gets a prefix', () => {
    const r = applyFormat(sel('intro\nti[]tle\nrest'), 'h1');
    expect(r.text).toBe('intro\n# title\nrest');
    expect(r.text.slice(0, r.start)).toBe('intro\n# ti');
  });

  it('fences and unfences a code block', () => {
    const fenced = applyFormat(sel('[x = 1]'), 'codeblock');
    expect(fenced.text).toBe('```\nx = 1\n```');
    expect(applyFormat({ text: fenced.text, start: 0, end: fenced.text.length }, 'codeblock').text).toBe('x = 1');
  });

  it('makes a link from the selection, or does nothing without a URL', () => {
    expect(applyFormat(sel('see [docs]'), 'link', 'https://example.com').text).toBe('see [docs](https://example.com)');
    expect(applyFormat(sel('see [docs]'), 'link').text).toBe('see docs');
  });
});

describe('shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean; code: string }> = {}) =>
    formatShortcut({ key: k, code: mods.code, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });

  it('maps the usual keys, with Ctrl or ⌘', () => {
    expect(key('b', { ctrl: true })).toBe('bold');
    expect(key('i', { meta: true })).toBe('italic');
    expect(key('k', { ctrl: true })).toBe('link');
    expect(key('&', { ctrl: true, shift: true, code: 'Digit7' })).toBe('numbered');
    expect(key('*', { ctrl: true, shift: true, code: 'Digit8' })).toBe('bullet');
    expect(key('(', { ctrl: true, shift: true, code: 'Digit9' })).toBe('task');
    expect(key('2', { ctrl: true, alt: true, code: 'Digit2' })).toBe('h2');
    expect(key('B', { ctrl: true, shift: true })).toBe('quote');
  });

  it('leaves plain typing and other combinations alone', () => {
    expect(key('b')).toBeNull();
    expect(key('z', { ctrl: true })).toBeNull();
    expect(key('5', { ctrl: true, shift: true, code: 'Digit5' })).toBeNull();
  });
});

describe('rich-text round trip', () => {
  const roundTrip = (md: string) => {
    const div = document.createElement('div');
    div.innerHTML = richHtml(md);
    return domToMarkdown(div);
  };

  it('gives back the Markdown the toolbar writes', () => {
    for (const md of [
      '# Title\n\nSome **bold**, *italic*, ~~gone~~ and `code`.',
      '- one\n- two\n  - nested',
      '1. first\n2. second',
      '- [ ] open\n- [x] done',
      '> quoted line',
      '```js\nlet x = 1;\n```',
      'see [docs](https://example.com/a)',
      'line one\nline two'
    ]) expect(roundTrip(md)).toBe(md);
  });

  it('turns edits of the DOM into Markdown', () => {
    const div = document.createElement('div');
    div.innerHTML = richHtml('- [ ] buy milk\n\nplain');
    (div.querySelector('input') as HTMLInputElement).checked = true;
    const p = div.querySelector('p')!;
    p.innerHTML = 'plain <b>strong</b> <i>words</i>';
    div.append(Object.assign(document.createElement('h2'), { textContent: 'New heading' }));
    expect(domToMarkdown(div)).toBe('- [x] buy milk\n\nplain **strong** *words*\n\n## New heading');
  });

  it('escapes typed Markdown characters so they stay text', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p># not a heading with *stars*</p>';
    const md = domToMarkdown(div);
    expect(md).toBe('\\# not a heading with \\*stars\\*');
    expect(roundTrip(md)).toBe(md);
  });

  it('keeps only task boxes among inputs and nothing executable', () => {
    const html = richHtml('- [ ] task\n\n<input type="text" value="x"><img src=x onerror="alert(1)"><script>alert(1)</script>');
    expect(html).toContain('type="checkbox"');
    expect(html).not.toContain('type="text"');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('disabled');
  });
});

describe('stored content', () => {
  it('saves html without the chat renderer\'s code-block buttons and line numbers, for the stock editor', () => {
    const { html, md, json } = noteContent('# Plan\n\n```js\nlet a = 1;\n```');
    expect(md).toBe('# Plan\n\n```js\nlet a = 1;\n```');
    expect(json).toBeNull();
    expect(html).toContain('<h1>Plan</h1>');
    expect(html).toContain('<pre><code class="language-js">let a = 1;');
    expect(html).not.toContain('<button');
    expect(html).not.toContain('line-numbers');
    expect(noteContent('').html).toBe('');
  });
});
