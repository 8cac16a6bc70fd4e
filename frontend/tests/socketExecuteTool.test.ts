// The socket answers `execute:tool` chat events with an ack, and passes every other chat event on.
import { describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (...args: any[]) => void>();
vi.mock('socket.io-client', () => ({
  io: () => ({ on: (name: string, h: (...args: any[]) => void) => handlers.set(name, h), emit: () => {}, connected: false, id: 'sid-1' })
}));

const { connectSocket, onChatEvent } = await import('../src/lib/socket');
const { session } = await import('../src/lib/session.svelte');

describe('execute:tool over the socket', () => {
  it('calls the user\'s server and acks [result, headers]; other events reach the listeners', async () => {
    connectSocket(true);
    session.settings = { toolServers: [{ url: 'http://t.test', path: 'openapi.json', auth_type: 'none', key: '', config: { enable: true } }] };
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ sum: 3 }), { headers: { 'x-served-by': 'fake' } });
    }));
    const seen: string[] = [];
    onChatEvent((e) => seen.push(e.data.type));
    const openapi = { paths: { '/add': { get: { operationId: 'add', parameters: [{ name: 'a', in: 'query' }, { name: 'b', in: 'query' }] } } } };

    const acked = new Promise<unknown>((resolve) =>
      handlers.get('chat-events')!({ chat_id: 'c', message_id: 'm', data: { type: 'execute:tool', data: { id: 'x', name: 'add', params: { a: 1, b: 2 }, server: { url: 'http://t.test', openapi }, session_id: 'sid-1' } } }, resolve));
    const answer = (await acked) as [unknown, Record<string, string>];
    expect(urls).toEqual(['http://t.test/add?a=1&b=2']);
    expect(answer[0]).toEqual({ sum: 3 });
    expect(answer[1]['x-served-by']).toBe('fake');
    expect(seen).toEqual([]);

    handlers.get('chat-events')!({ chat_id: 'c', message_id: 'm', data: { type: 'chat:completion', data: {} } });
    expect(seen).toEqual(['chat:completion']);
    vi.unstubAllGlobals();
    session.settings = {};
  });
});
