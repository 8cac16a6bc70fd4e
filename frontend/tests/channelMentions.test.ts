import { describe, expect, it } from 'vitest';
import { encodeMentions, mentionedUsers, mentionToken, renderMentions } from '../src/lib/channels/mentions';
import { renderMarkdown } from '../src/lib/markdown/render';

describe('channel @mentions', () => {
  it('writes the stock token format', () => {
    expect(mentionToken({ kind: 'U', id: 'u-1', label: 'Bob' })).toBe('<@U:u-1|Bob>');
    expect(mentionToken({ kind: 'M', id: 'gpt-4o', label: 'GPT|4<o>' })).toBe('<@M:gpt-4o|GPT4o>');
  });

  it('turns the picked @names into tokens, longer names first, others left alone', () => {
    const picked = [{ kind: 'U' as const, id: 'a', label: 'Ann' }, { kind: 'U' as const, id: 'al', label: 'Ann Lee' }, { kind: 'M' as const, id: 'm', label: 'Model' }];
    expect(encodeMentions('@Ann Lee and @Ann, ask @Model; @Zed too', picked)).toBe('<@U:al|Ann Lee> and <@U:a|Ann>, ask <@M:m|Model>; @Zed too');
    expect(encodeMentions('nobody here', picked)).toBe('nobody here');
  });

  it('shows tokens as @name, escaped, and lists the mentioned users', () => {
    expect(renderMentions('hi <@U:u1|Bob> and <@M:m1|x"><img src=x onerror=alert(1)>')).toBe(
      'hi <span class="mention" data-mention="U:u1">@Bob</span> and <span class="mention" data-mention="M:m1">@x&quot;</span><img src=x onerror=alert(1)>'
    );
    expect(mentionedUsers('<@U:u1|Bob> <@M:m|M> <@U:u2>')).toEqual(['u1', 'u2']);
  });

  it('survives the Markdown sanitiser as a span, with no script', () => {
    const html = renderMarkdown(renderMentions('**hey** <@U:u1|Bob> <@U:u2|<script>alert(1)</script>>'));
    expect(html).toContain('<span class="mention" data-mention="U:u1">@Bob</span>');
    expect(html).not.toContain('<script');
  });
});

describe('suggestion list keys', () => {
  it('arrows wrap, Enter and Tab pick, Shift+Enter and letters are the box\'s', async () => {
    const { suggestionKey } = await import('../src/lib/chat/mentions');
    expect(suggestionKey({ key: 'ArrowDown', shiftKey: false }, 3, 2)).toEqual({ move: 0 });
    expect(suggestionKey({ key: 'ArrowUp', shiftKey: false }, 3, 0)).toEqual({ move: 2 });
    expect(suggestionKey({ key: 'Tab', shiftKey: false }, 3, 0)).toBe('pick');
    expect(suggestionKey({ key: 'Enter', shiftKey: true }, 3, 0)).toBeNull();
    expect(suggestionKey({ key: 'Escape', shiftKey: false }, 3, 0)).toBe('close');
    expect(suggestionKey({ key: 'a', shiftKey: false }, 3, 0)).toBeNull();
  });
});
