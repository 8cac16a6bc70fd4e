// Direct connections in the browser: the models listed from the user's own endpoints, the stored shape,
// and the answer to the server's `request:chat:completion` (ack, the stream on the channel, done).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { abortDirect, answerDirect } from '../src/lib/direct/answer';
import { connectionsOf, directModels, readConnections, rowsOf, withDirect, type DirectConnections } from '../src/lib/direct/connections';

const conns: DirectConnections = {
  OPENAI_API_BASE_URLS: ['http://one.test/v1', 'http://two.test/v1', 'http://off.test/v1'],
  OPENAI_API_KEYS: ['k1', '', 'k3'],
  OPENAI_API_CONFIGS: { '0': { prefix_id: 'mine' }, '1': { model_ids: ['fixed-a'] }, '2': { enable: false } }
};

function sse(parts: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(new ReadableStream({
    start(c) {
      parts.forEach((p) => c.enqueue(encoder.encode(p)));
      c.close();
    }
  }), { headers: { 'Content-Type': 'text/event-stream' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('the models of the user\'s connections', () => {
  it('lists enabled connections, prefixed and marked direct, and reports one that fails', async () => {
    const asked: { url: string; auth?: string }[] = [];
    const fetchFn = vi.fn(async (url: string, init?: RequestInit) => {
      asked.push({ url, auth: (init?.headers as Record<string, string>)?.Authorization });
      return new Response(JSON.stringify({ data: [{ id: 'gpt-x' }] }), { status: 200 });
    }) as unknown as typeof fetch;
    const { models, failures } = await directModels(conns, fetchFn);
    expect(asked).toEqual([{ url: 'http://one.test/v1/models', auth: 'Bearer k1' }]);
    expect(models.map((m) => [m.id, m.urlIdx, m.direct])).toEqual([['mine.gpt-x', 0, true], ['fixed-a', 1, true]]);
    expect(models[0].openai).toEqual({ id: 'gpt-x' });
    expect(failures).toEqual([]);

    const down = vi.fn(async () => new Response('nope', { status: 401 })) as unknown as typeof fetch;
    const result = await directModels({ ...conns, OPENAI_API_CONFIGS: {} }, down);
    expect(result.models).toEqual([]);
    expect(result.failures[0]).toContain('HTTP 401');
  });

  it('a direct model takes the place of a server model with the same id', () => {
    const merged = withDirect([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], [{ id: 'b', name: 'mine', direct: true }]);
    expect(merged.map((m) => [m.id, m.name])).toEqual([['a', 'A'], ['b', 'mine']]);
  });

  it('keeps the stock shape and a URL\'s other settings when rows are edited', () => {
    const rows = rowsOf(readConnections(conns));
    expect(rows[0]).toEqual({ url: 'http://one.test/v1', key: 'k1', prefix: 'mine', enable: true });
    const next = connectionsOf([{ ...rows[1], prefix: 'p' }, { url: 'http://new.test/v1/ ', key: 'n', prefix: '', enable: false }], conns);
    expect(next.OPENAI_API_BASE_URLS).toEqual(['http://two.test/v1', 'http://new.test/v1']);
    expect(next.OPENAI_API_KEYS).toEqual(['', 'n']);
    expect(next.OPENAI_API_CONFIGS).toEqual({ '0': { model_ids: ['fixed-a'], enable: true, prefix_id: 'p' }, '1': { enable: false } });
    expect(readConnections(undefined)).toEqual({ OPENAI_API_BASE_URLS: [], OPENAI_API_KEYS: [], OPENAI_API_CONFIGS: {} });
  });
});

describe('answering request:chat:completion', () => {
  const request = (stream: boolean) => ({
    form_data: { model: 'mine.gpt-x', messages: [{ role: 'user', content: 'hi' }], stream },
    model: { urlIdx: 0 }, channel: 'u:s:r', session_id: 's'
  });

  it('acks, then sends every line on the channel whole, then done', async () => {
    let sent: any;
    const fetchFn = vi.fn(async (url: string, init?: RequestInit) => {
      sent = { url, body: JSON.parse(String(init?.body)), auth: (init?.headers as Record<string, string>).Authorization };
      return sse(['data: {"choices":[{"delta":{"content":"He', 'l"}}]}\n\ndata: {"choices":[{"delta":{"content":"lo"}}]}\n\n', 'data: [DONE]\n\n']);
    }) as unknown as typeof fetch;
    const acks: unknown[] = [];
    const emits: [string, unknown][] = [];
    await answerDirect(request(true), conns, (a) => acks.push(a), (c, d) => emits.push([c, d]), 'chat-1', fetchFn);
    expect(sent.url).toBe('http://one.test/v1/chat/completions');
    expect(sent.body.model).toBe('gpt-x');
    expect(sent.auth).toBe('Bearer k1');
    expect(acks).toEqual([{ status: true }]);
    expect(emits).toEqual([
      ['u:s:r', 'data: {"choices":[{"delta":{"content":"Hel"}}]}'],
      ['u:s:r', 'data: {"choices":[{"delta":{"content":"lo"}}]}'],
      ['u:s:r', 'data: [DONE]'],
      ['u:s:r', { done: true }]
    ]);
  });

  it('acks the whole answer without stream, and the endpoint\'s error when it refuses', async () => {
    const whole = { choices: [{ message: { role: 'assistant', content: 'Whole' } }] };
    const acks: unknown[] = [];
    const emits: unknown[] = [];
    await answerDirect(request(false), conns, (a) => acks.push(a), (_c, d) => emits.push(d), null,
      vi.fn(async () => new Response(JSON.stringify(whole))) as unknown as typeof fetch);
    expect(acks).toEqual([whole]);
    await answerDirect(request(true), conns, (a) => acks.push(a), (_c, d) => emits.push(d), null,
      vi.fn(async () => new Response(JSON.stringify({ error: { message: 'Incorrect API key' } }), { status: 401 })) as unknown as typeof fetch);
    expect(acks[1]).toEqual({ error: { message: 'Incorrect API key' } });
    await answerDirect({ ...request(true), model: { urlIdx: 9 } }, conns, (a) => acks.push(a), (_c, d) => emits.push(d), null,
      vi.fn() as unknown as typeof fetch);
    expect((acks[2] as any).error.message).toContain('no such direct connection');
    expect(emits).toEqual([{ done: true }, { done: true }, { done: true }]);
  });

  it('a stop of the chat aborts the endpoint\'s request and the channel still ends', async () => {
    let signal: AbortSignal | undefined;
    const fetchFn = vi.fn(async (_url: string, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Response(new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('data: {"choices":[]}\n\n'));
          signal!.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        }
      }));
    }) as unknown as typeof fetch;
    const emits: unknown[] = [];
    const running = answerDirect(request(true), conns, () => {}, (_c, d) => emits.push(d), 'chat-9', fetchFn);
    await vi.waitFor(() => expect(emits.length).toBe(1));
    abortDirect('chat-9');
    await running;
    expect(signal?.aborted).toBe(true);
    expect(emits.at(-1)).toEqual({ done: true });
    expect((emits.at(-2) as any).error.message).toBeTruthy();
  });
});
