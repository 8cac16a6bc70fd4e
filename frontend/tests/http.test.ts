import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/lib/api/app';
import { chats } from '../src/lib/api/chats';
import { ApiError, errorDetail, token } from '../src/lib/api/http';

function stubFetch(status: number, body: unknown) {
  const fn = vi.fn(async () => new Response(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fn);
  return fn;
}

const callOf = (fn: ReturnType<typeof stubFetch>, i = 0) => fn.mock.calls[i] as unknown as [string, RequestInit];

afterEach(() => vi.unstubAllGlobals());

describe('API layer', () => {
  it('sends the stored token as Bearer, includes cookies and uses relative URLs', async () => {
    token.set('jwt-1');
    const fetch = stubFetch(200, [{ id: 'a', title: 'A', updated_at: 1 }]);
    const list = await chats.list(2);
    expect(list[0].title).toBe('A');
    const [url, init] = callOf(fetch);
    expect(url).toBe('/api/v1/chats/?page=2');
    expect(init.credentials).toBe('include');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer jwt-1');
  });

  it('fetches /api/config with the cookie only, never the Authorization header', async () => {
    token.set('jwt-1');
    const fetch = stubFetch(200, { status: true, name: 'X', version: '0.6.32', features: {} });
    await app.config();
    const [url, init] = callOf(fetch);
    expect(url).toBe('/api/config');
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
    expect(init.credentials).toBe('include');
  });

  it('posts JSON bodies and encodes ids in paths', async () => {
    const fetch = stubFetch(200, { id: 'x' });
    await chats.update('a/b', { title: 'T' });
    const [url, init] = callOf(fetch);
    expect(url).toBe('/api/v1/chats/a%2Fb');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ chat: { title: 'T' } });
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('encodes the search text as a query parameter', async () => {
    const fetch = stubFetch(200, []);
    await chats.search('tag:work & more', 1);
    expect(callOf(fetch)[0]).toBe('/api/v1/chats/search?text=tag%3Awork+%26+more&page=1');
  });

  it('turns {"detail": ...} into an ApiError with status and message', async () => {
    stubFetch(400, { detail: 'Folder already exists' });
    const err = await chats.list(1).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.message).toBe('Folder already exists');
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const err = await chats.pinned().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(err.message).toBe('The server cannot be reached');
  });

  it('accepts a non-JSON error body', async () => {
    stubFetch(502, 'Bad Gateway');
    await expect(chats.pinned()).rejects.toThrow('Bad Gateway');
  });
});

describe('errorDetail', () => {
  it('reads FastAPI validation lists, OpenAI errors and falls back to the status', () => {
    expect(errorDetail({ detail: [{ msg: 'field required' }, { msg: 'too long' }] }, 422)).toBe('field required; too long');
    expect(errorDetail({ error: { message: 'quota' } }, 429)).toBe('quota');
    expect(errorDetail({ error: 'plain' }, 500)).toBe('plain');
    expect(errorDetail(null, 500)).toBe('Request failed (500)');
  });
});
