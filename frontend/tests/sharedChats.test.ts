// Settings › Data controls › Shared chats against a faked chat API.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);

vi.mock('../src/lib/socket', () => import('./fakeSocket'));
const SharedChats = (await import('../src/components/settings/SharedChats.svelte')).default;

let shared: { id: string; title: string; updated_at: number }[];
let calls: string[];

beforeEach(() => {
  shared = [{ id: 'c1', title: 'Trip plan', updated_at: 2 }, { id: 'c2', title: 'Recipe', updated_at: 1 }];
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    calls.push(`${method} ${url}`);
    const u = new URL(url, 'http://x');
    let body: unknown = [];
    if (u.pathname === '/api/v1/chats/search') body = u.searchParams.get('text') === 'shared:true' && u.searchParams.get('page') === '1' ? shared : [];
    else if (method === 'DELETE' && u.pathname.endsWith('/share')) {
      shared = shared.filter((c) => !u.pathname.includes(`/${c.id}/`));
      body = true;
    } else if (method === 'POST' && u.pathname.endsWith('/share')) body = { id: 'share-9' };
    return new Response(JSON.stringify(body), { status: 200 });
  }));
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => {}) }, configurable: true });
});

describe('shared chats', () => {
  it('lists the chats found with shared:true and revokes a link', async () => {
    render(SharedChats);
    expect(await screen.findByText('Trip plan')).toBeTruthy();
    expect(screen.getByText('Recipe')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Revoke share link of Trip plan' }));
    await vi.waitFor(() => expect(screen.queryByText('Trip plan')).toBeNull());
    expect(calls).toContain('DELETE /api/v1/chats/c1/share');
    expect(screen.getByText('Recipe')).toBeTruthy();
  });

  it('copies the share link of a chat', async () => {
    render(SharedChats);
    await fireEvent.click(await screen.findByRole('button', { name: 'Copy share link of Recipe' }));
    await vi.waitFor(() => expect(navigator.clipboard.writeText).toHaveBeenCalledWith(`${window.location.origin}/s/share-9`));
    expect(calls).toContain('POST /api/v1/chats/c2/share');
  });

  it('says so when nothing is shared', async () => {
    shared = [];
    render(SharedChats);
    expect(await screen.findByText('You have no shared chats.')).toBeTruthy();
  });
});
