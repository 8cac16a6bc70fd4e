import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ToolsPage from '../src/components/workspace/ToolsPage.svelte';
import { session } from '../src/lib/session.svelte';

vi.mock('../src/lib/socket', () => ({ joinUser: () => {}, connectSocket: () => {}, onChatEvent: () => () => {} }));

const calls: { method: string; url: string }[] = [];
function stubFetch() {
  calls.length = 0;
  let active = false;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ method: init.method ?? 'GET', url });
    if (url === '/api/v1/tools/') {
      return new Response(JSON.stringify([
        { id: 'server:mcp:everything', user_id: 'server:mcp:everything', name: 'Everything', meta: { description: 'MCP reference server' }, access_control: null, updated_at: 1 },
        { id: 'server:weather', user_id: 'server:weather', name: 'Weather', meta: { description: '' }, access_control: null, updated_at: 1 },
        { id: 'legacy', user_id: 'u1', name: 'Legacy', meta: { description: 'old python tool' }, access_control: null, updated_at: 1 }
      ]));
    }
    if (url === '/api/v1/functions/') {
      return new Response(JSON.stringify([{ id: 'f1', name: 'Filter one', type: 'filter', meta: {}, is_active: active, is_global: false }]));
    }
    if (url === '/api/v1/functions/id/f1/toggle') {
      active = !active;
      return new Response(JSON.stringify({ id: 'f1', name: 'Filter one', type: 'filter', meta: {}, is_active: active, is_global: false }));
    }
    return new Response('{}');
  }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Workspace > Tools', () => {
  it('lists tool servers and tools by kind, without functions for users', async () => {
    stubFetch();
    session.user = { id: 'u2', name: 'U', email: 'u@x', role: 'user' } as typeof session.user;
    render(ToolsPage);
    const mcp = await screen.findByRole('article', { name: 'Everything' });
    expect(mcp.textContent).toContain('MCP server');
    expect(mcp.textContent).toContain('MCP reference server');
    expect(screen.getByRole('article', { name: 'Weather' }).textContent).toContain('OpenAPI server');
    expect(screen.getByRole('article', { name: 'Weather' }).textContent).toContain('server:weather');
    expect(screen.getByRole('article', { name: 'Legacy' }).textContent).toContain('not run here');
    expect(calls.some((c) => c.url === '/api/v1/functions/')).toBe(false);
  });

  it('lets admins switch a function on', async () => {
    stubFetch();
    session.user = { id: 'a', name: 'A', email: 'a@x', role: 'admin' } as typeof session.user;
    render(ToolsPage);
    const box = (await screen.findByRole('checkbox', { name: 'Active Filter one' })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await fireEvent.click(box);
    await waitFor(() => expect(calls).toContainEqual({ method: 'POST', url: '/api/v1/functions/id/f1/toggle' }));
    await waitFor(() => expect(box.checked).toBe(true));
  });
});
