import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ToolServersTab from '../src/components/admin/ToolServersTab.svelte';

vi.mock('../src/lib/socket', () => ({ joinUser: () => {}, connectSocket: () => {}, onChatEvent: () => () => {} }));

const saved = [{
  type: 'mcp', url: 'http://mcp:3001/mcp', path: '', auth_type: 'none', key: '',
  config: { enable: true, access_control: null }, info: { id: 'everything', name: 'Everything', description: '' }, spec_type: 'url'
}];
const posts: { url: string; body: any }[] = [];

function stubFetch() {
  posts.length = 0;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    if (init.method === 'POST') posts.push({ url, body });
    if (url === '/api/v1/configs/tool_servers') {
      return new Response(JSON.stringify(init.method === 'POST' ? body : { TOOL_SERVER_CONNECTIONS: saved }));
    }
    if (url === '/api/v1/configs/tool_servers/verify') return new Response(JSON.stringify({ status: true, specs: [] }));
    return new Response('[]');
  }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Admin > Tools', () => {
  it('shows the saved servers with their tool ids and saves a new one beside them', async () => {
    stubFetch();
    render(ToolServersTab);
    const first = await screen.findByRole('group', { name: 'Tool server 1' });
    expect(first.textContent).toContain('server:mcp:everything');

    await fireEvent.click(screen.getByRole('button', { name: 'Add tool server' }));
    const second = screen.getByRole('group', { name: 'Tool server 2' });
    const url = second.querySelector('input[placeholder="http://localhost:8000"]') as HTMLInputElement;
    await fireEvent.input(url, { target: { value: 'http://weather:8000/' } });
    const name = [...second.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Name'))!.querySelector('input')!;
    await fireEvent.input(name, { target: { value: 'Weather' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(posts.some((p) => p.url === '/api/v1/configs/tool_servers')).toBe(true));
    const list = posts.find((p) => p.url === '/api/v1/configs/tool_servers')!.body.TOOL_SERVER_CONNECTIONS;
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ type: 'mcp', spec_type: 'url', info: { id: 'everything' }, config: { enable: true } });
    expect(list[1]).toMatchObject({ type: 'openapi', url: 'http://weather:8000', path: 'openapi.json', auth_type: 'bearer',
      info: { id: 'weather', name: 'Weather' }, config: { enable: true, access_control: null } });
  });

  it('refuses to save a server without an http URL', async () => {
    stubFetch();
    render(ToolServersTab);
    await screen.findByRole('group', { name: 'Tool server 1' });
    await fireEvent.click(screen.getByRole('button', { name: 'Add tool server' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(posts.filter((p) => p.url === '/api/v1/configs/tool_servers')).toHaveLength(0);
  });
});
