// Shared stubs of the interface tests: an OpenAI-style SSE body, and a fetch that records the `ui`
// settings saved (every other request answers an empty list or object) with a signed-in user.
import { vi } from 'vitest';
import { session } from '../src/lib/session.svelte';

export const sse = (...chunks: string[]) =>
  new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(c) {
      for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk) as Uint8Array<ArrayBuffer>);
      c.close();
    }
  });

export const delta = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;

/** Signs Ada in with one model and no settings; returns the list the saved `ui` patches go to. */
export function stubSettingsSave(): Record<string, unknown>[] {
  const saved: Record<string, unknown>[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/v1/users/user/settings/update') saved.push(JSON.parse(init.body as string).ui);
    return new Response(JSON.stringify((init.method ?? 'GET') === 'GET' ? [] : {}), { status: 200 });
  }));
  session.user = { id: 'u1', name: 'Ada', email: 'a@b.c', role: 'user', token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '' };
  session.models = [{ id: 'm1', name: 'Model One' }];
  session.settings = {};
  return saved;
}
