import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AnswerBody from '../src/components/AnswerBody.svelte';
import ToolsMenu from '../src/components/ToolsMenu.svelte';
import { splitToolCalls } from '../src/lib/chat/toolCalls';
import { chatTools, pickedServers, toolIds } from '../src/lib/chat/tools.svelte';
import { session } from '../src/lib/session.svelte';

// A block as the backend writes it (and Open WebUI 0.6.32 does): attributes hold HTML-escaped JSON strings.
const block =
  '<details type="tool_calls" done="true" id="call_1" name="add" arguments="&quot;{\\&quot;a\\&quot;:2,\\&quot;b\\&quot;:3}&quot;" ' +
  'result="&quot;&lt;b&gt;5&lt;/b&gt; it&#x27;s&quot;" files="" embeds="&quot;&quot;">\n<summary>Tool Executed</summary>\n</details>\n';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  chatTools.selected = [];
});

describe('tool calls in an answer', () => {
  it('splits the text around each call and reads its name, arguments and result', () => {
    const parts = splitToolCalls(`Let me add.\n${block}The sum is 5.`);
    expect(parts).toEqual([
      { kind: 'text', text: 'Let me add.' },
      { kind: 'tool', call: { id: 'call_1', name: 'add', arguments: '{"a":2,"b":3}', result: "<b>5</b> it's", done: true } },
      { kind: 'text', text: 'The sum is 5.' }
    ]);
  });

  it('keeps a running call without a result', () => {
    const parts = splitToolCalls('<details type="tool_calls" done="false" id="c" name="slow" arguments="&quot;{}&quot;">\n<summary>Executing...</summary>\n</details>');
    expect(parts).toEqual([{ kind: 'tool', call: { id: 'c', name: 'slow', arguments: '{}', result: null, done: false } }]);
  });

  it('shows each call collapsed, with the result as text (never as HTML)', () => {
    const { container } = render(AnswerBody, { source: `Let me add.\n${block}The sum is **5**.` });
    const call = screen.getByTestId('tool-call') as HTMLDetailsElement;
    expect(call.open).toBe(false);
    expect(call.querySelector('summary')?.textContent).toContain('add');
    const pres = call.querySelectorAll('pre');
    expect(JSON.parse(pres[0].textContent!)).toEqual({ a: 2, b: 3 });
    expect(pres[1].textContent).toBe("<b>5</b> it's");
    expect(call.querySelector('b')).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('5');
    expect(container.textContent).toContain('Let me add.');
  });
});

describe('tools menu', () => {
  it('lists the tools the user may use and sends the picked ones as tool_ids', async () => {
    session.user = { id: 'u1', name: 'Ada', email: 'a@b.c', role: 'user', token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '' };
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify([{ id: 'server:0', name: 'Weather' }, { id: 'server:mcp:files', name: 'Files' }]), {
      status: 200,
      headers: { 'Content-Type': 'application/json' }
    }));
    vi.stubGlobal('fetch', fetch);
    render(ToolsMenu);
    expect(toolIds()).toEqual({});
    await fireEvent.click(screen.getByRole('button', { name: 'Tools' }));
    const weather = await screen.findByRole('menuitemcheckbox', { name: /Weather/ });
    expect(String(fetch.mock.calls[0][0])).toContain('/api/v1/tools/');
    await fireEvent.click(weather);
    expect(weather.getAttribute('aria-checked')).toBe('true');
    expect(toolIds()).toEqual({ tool_ids: ['server:0'] });
    await fireEvent.click(weather);
    expect(toolIds()).toEqual({});
  });
  it('lists the user\'s own enabled servers beside the tools; picking one goes to tool_servers, not tool_ids', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('[]')));
    session.settings = { toolServers: [
      { url: 'http://off.test', path: 'openapi.json', auth_type: 'none', key: '', config: { enable: false } },
      { url: 'http://mine.test', path: 'openapi.json', auth_type: 'none', key: '', config: { enable: true } }
    ] };
    render(ToolsMenu);
    await fireEvent.click(screen.getByRole('button', { name: 'Tools' }));
    const mine = await screen.findByRole('menuitemcheckbox', { name: /mine\.test/ });
    expect(screen.queryByRole('menuitemcheckbox', { name: /off\.test/ })).toBeNull();
    await fireEvent.click(mine);
    expect(pickedServers()).toEqual([1]);
    expect(toolIds()).toEqual({});
    session.settings = {};
  });
});
