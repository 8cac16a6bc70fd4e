// A generated title (chat:title → renameLocally) must survive a sidebar refresh whose list request
// left before the title was saved and answers after the event.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshSidebar, renameLocally, sidebar } from '../src/lib/sidebar.svelte';

type Pending = { url: string; answer: (body: unknown) => void };
let pending: Pending[];

beforeEach(() => {
  pending = [];
  vi.stubGlobal('fetch', vi.fn((url: string) => new Promise<Response>((resolve) => {
    pending.push({ url, answer: (body) => resolve(new Response(JSON.stringify(body), { status: 200 })) });
  })));
});

const item = (id: string, title: string) => ({ id, title, updated_at: 1, created_at: 1 });

/** Answers every request made so far: the main list with `chats`, pinned and folders empty. */
async function answerAll(chats: unknown[]): Promise<void> {
  await vi.waitFor(() => expect(pending.length).toBeGreaterThanOrEqual(3));
  for (const p of pending.splice(0)) p.answer(p.url.startsWith('/api/v1/chats/?') ? chats : []);
}

describe('sidebar titles', () => {
  it('keeps a title that arrived while an older list request was in flight', async () => {
    const stale = refreshSidebar();
    renameLocally('c1', 'Ops drill');
    await answerAll([item('c1', 'New Chat'), item('c2', 'Other')]);
    await stale;
    expect(sidebar.items.map((c) => c.title)).toEqual(['Ops drill', 'Other']);
  });

  it('shows the server title of a list requested after the rename', async () => {
    renameLocally('c3', 'Generated');
    const fresh = refreshSidebar();
    await answerAll([item('c3', 'Renamed elsewhere later')]);
    await fresh;
    expect(sidebar.items[0].title).toBe('Renamed elsewhere later');
  });

  it('applies the title to a chat that was not listed yet when the event came', async () => {
    const stale = refreshSidebar();
    renameLocally('c4', 'Title first');
    expect(sidebar.items.some((c) => c.id === 'c4')).toBe(false);
    await answerAll([item('c4', 'New Chat')]);
    await stale;
    expect(sidebar.items.find((c) => c.id === 'c4')?.title).toBe('Title first');
  });
});
