// The socket answers `request:chat:completion` for its own session only, with the user's connections,
// when the admin allows direct connections; the stream goes out on the request's channel.
import { describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (...args: any[]) => void>();
const emitted: [string, unknown][] = [];
vi.mock('socket.io-client', () => ({
  io: () => ({ on: (name: string, h: (...args: any[]) => void) => handlers.set(name, h), emit: (n: string, d: unknown) => emitted.push([n, d]), connected: false, id: 'sid-1' })
}));

const { connectSocket } = await import('../src/lib/socket');
const { session } = await import('../src/lib/session.svelte');

function call(sessionId: string): Promise<unknown> {
  return new Promise((resolve) => handlers.get('chat-events')!({
    chat_id: 'c', message_id: 'm',
    data: { type: 'request:chat:completion', data: { form_data: { model: 'gpt-x', messages: [], stream: false }, model: { urlIdx: 0 }, channel: 'u:sid-1:r', session_id: sessionId } }
  }, resolve));
}

describe('request:chat:completion over the socket', () => {
  it('runs in the tab that sent the message, when the admin allows it', async () => {
    connectSocket(true);
    session.settings = { directConnections: { OPENAI_API_BASE_URLS: ['http://mine.test/v1'], OPENAI_API_KEYS: ['k'], OPENAI_API_CONFIGS: {} } };
    session.config = { status: true, name: 'x', version: '0.6.32', features: { enable_direct_connections: false } };
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ choices: [{ message: { content: 'ok' } }] }));
    }));
    expect(await call('sid-1')).toEqual({ error: { message: 'This browser tab does not run that direct connection' } });
    session.config.features.enable_direct_connections = true;
    expect(await call('sid-other')).toEqual({ error: { message: 'This browser tab does not run that direct connection' } });
    expect(urls).toEqual([]);
    expect(await call('sid-1')).toEqual({ choices: [{ message: { content: 'ok' } }] });
    expect(urls).toEqual(['http://mine.test/v1/chat/completions']);
    await vi.waitFor(() => expect(emitted).toContainEqual(['u:sid-1:r', { done: true }]));
    vi.unstubAllGlobals();
    session.settings = {};
    session.config = null;
  });
});
