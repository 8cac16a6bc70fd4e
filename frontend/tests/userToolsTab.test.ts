// Settings > Tools: the user's own tool servers, saved as `toolServers` in the user settings.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ToolsTab from '../src/components/settings/ToolsTab.svelte';
import { session } from '../src/lib/session.svelte';

vi.mock('../src/lib/socket', () => ({ joinUser: () => {}, connectSocket: () => {}, onChatEvent: () => () => {} }));

const saves: any[] = [];
const documents: string[] = [];
const openapi = { info: { title: 'Notes', version: '2.0' }, paths: { '/notes': { get: { operationId: 'list_notes' }, post: { operationId: 'add_note' } } } };

function stubFetch() {
  saves.length = 0;
  documents.length = 0;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    if (url === '/api/v1/users/user/settings/update') {
      const body = JSON.parse(init.body as string);
      saves.push(body.ui);
      return new Response(JSON.stringify(body));
    }
    documents.push(url);
    if (url === 'http://notes.test/openapi.json') return new Response(JSON.stringify(openapi));
    return new Response('missing', { status: 404 });
  }));
}

const existing = { type: 'openapi', url: 'http://old.test', path: 'openapi.json', auth_type: 'none', key: '', spec_type: 'url', spec: '', config: { enable: true }, info: { id: '', name: '', description: '' } };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  session.settings = {};
});

const field = (label: string) => [...screen.getByRole('form', { name: 'Add tool server' }).querySelectorAll('label')]
  .find((l) => l.textContent?.startsWith(label))!.querySelector('input, select') as HTMLInputElement;

describe('Settings > Tools', () => {
  it('verifies a new server from the browser, then adds it beside the saved one in the v0.6.32 shape', async () => {
    stubFetch();
    session.settings = { chatBubble: true, toolServers: [existing] };
    render(ToolsTab);
    expect(screen.getByRole('group', { name: 'Your tool server 1' }).textContent).toContain('http://old.test');

    await fireEvent.input(field('URL'), { target: { value: 'http://notes.test/' } });
    await fireEvent.input(field('Key'), { target: { value: 'sk-1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Notes 2.0 — 2 functions: list_notes, add_note')).toBeTruthy();
    expect(documents).toEqual(['http://notes.test/openapi.json']);

    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0].chatBubble).toBe(true);
    expect(saves[0].toolServers).toEqual([existing, {
      type: 'openapi', url: 'http://notes.test', path: 'openapi.json', auth_type: 'bearer', key: 'sk-1',
      spec_type: 'url', spec: '', config: { enable: true }, info: { id: '', name: '', description: '' }
    }]);
    expect(await screen.findByRole('group', { name: 'Your tool server 2' })).toBeTruthy();
  });

  it('shows why a server does not verify, refuses a URL that is not http, and removes a server', async () => {
    stubFetch();
    session.settings = { toolServers: [existing, { ...existing, url: 'http://notes.test' }] };
    render(ToolsTab);
    const first = screen.getByRole('group', { name: 'Your tool server 1' });
    await fireEvent.click(screen.getByRole('button', { name: 'Verify your tool server 1' }));
    expect(await screen.findByText('http://old.test/openapi.json: HTTP 404')).toBeTruthy();

    await fireEvent.input(field('URL'), { target: { value: 'ftp://x' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(saves).toHaveLength(0);

    await fireEvent.click(screen.getByRole('button', { name: 'Remove your tool server 1' }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0].toolServers.map((s: any) => s.url)).toEqual(['http://notes.test']);
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Your tool server 2' })).toBeNull());
  });

  it('turns a server off and saves that', async () => {
    stubFetch();
    session.settings = { toolServers: [existing] };
    render(ToolsTab);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Enable your tool server 1' }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0].toolServers[0].config).toEqual({ enable: false });
  });
});
