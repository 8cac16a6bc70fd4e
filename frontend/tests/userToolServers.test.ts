import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { specsOf } from '../src/lib/userTools/openapi';
import { executeOperation } from '../src/lib/userTools/execute';
import { answerExecuteTool, forgetServers, toolServersPayload } from '../src/lib/userTools/servers';
import { session } from '../src/lib/session.svelte';

vi.mock('../src/lib/socket', () => ({ joinUser: () => {}, connectSocket: () => {}, onChatEvent: () => () => {} }));

// A small server: a path+query GET, a JSON-body POST with a $ref schema, an operation without an id.
const doc = {
  openapi: '3.1.0',
  info: { title: 'Weather', version: '1.0' },
  components: {
    schemas: {
      Note: { type: 'object', required: ['text'], properties: { text: { type: 'string', description: 'What to write' }, tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } },
      Tag: { type: 'string' }
    }
  },
  paths: {
    '/cities/{city}/forecast': {
      parameters: [{ name: 'city', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'forecast', summary: 'Forecast for a city',
        parameters: [
          { name: 'days', in: 'query', description: 'How many days', schema: { type: 'integer', default: 3 } },
          { name: 'unit', in: 'query', schema: { type: 'string', enum: ['c', 'f'] } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } }
        ]
      }
    },
    '/notes/{folder}': {
      post: {
        operationId: 'add_note', description: 'Writes a note',
        parameters: [{ name: 'folder', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } }
      }
    },
    '/health': { get: { summary: 'no operationId' } }
  }
};

function fakeFetch(reply: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    return reply(url, init);
  });
  return { fetch: f as unknown as typeof fetch, calls };
}

describe('the OpenAPI to specs converter', () => {
  it('makes one spec per operation with an id, parameters from path, query and the JSON body', () => {
    const specs = specsOf(doc);
    expect(specs.map((s) => s.name)).toEqual(['forecast', 'add_note']);
    expect(specs[0]).toEqual({
      name: 'forecast',
      description: 'Forecast for a city',
      parameters: {
        type: 'object',
        properties: {
          city: { type: 'string', description: '' },
          days: { type: 'integer', description: 'How many days', default: 3 },
          unit: { type: 'string', description: '', enum: ['c', 'f'] }
        },
        required: ['city']
      }
    });
    expect(specs[1].description).toBe('Writes a note');
    expect(specs[1].parameters.properties.text).toEqual({ type: 'string', description: 'What to write' });
    expect(specs[1].parameters.properties.tags).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(specs[1].parameters.required).toEqual(['folder', 'text']);
  });

  it('survives a self-referring schema and a document without paths', () => {
    const loop = { components: { schemas: { A: { $ref: '#/components/schemas/A' } } },
      paths: { '/x': { post: { operationId: 'x', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } } };
    expect(specsOf(loop)[0].parameters.properties).toEqual({});
    expect(specsOf({})).toEqual([]);
  });
});

describe('running a call', () => {
  it('puts arguments in the path, the query and the body, sends the key and answers [result, headers]', async () => {
    const f = fakeFetch(() => new Response(JSON.stringify({ ok: 1 }), { headers: { 'content-type': 'application/json', 'x-run': '7' } }));
    const get = await executeOperation(doc, 'http://tools.test/', 'k1', 'forecast', { city: 'São Paulo', days: 2 }, f.fetch);
    expect(f.calls[0].url).toBe('http://tools.test/cities/S%C3%A3o%20Paulo/forecast?days=2');
    expect(f.calls[0].init.method).toBe('GET');
    expect(f.calls[0].init.body).toBeUndefined();
    expect((f.calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer k1');
    expect(get[0]).toEqual({ ok: 1 });
    expect(get[1]).toMatchObject({ 'x-run': '7' });

    await executeOperation(doc, 'http://tools.test', '', 'add_note', { folder: 'work', text: 'hi', tags: ['a'] }, f.fetch);
    expect(f.calls[1].url).toBe('http://tools.test/notes/work');
    expect(f.calls[1].init.method).toBe('POST');
    expect(JSON.parse(f.calls[1].init.body as string)).toEqual({ text: 'hi', tags: ['a'] });
    expect((f.calls[1].init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('answers errors as [{error}, null]: an HTTP failure, an unknown operation, a network failure', async () => {
    const failing = fakeFetch(() => new Response('nope', { status: 502 }));
    expect(await executeOperation(doc, 'http://t', '', 'forecast', { city: 'x' }, failing.fetch)).toEqual([{ error: 'HTTP 502: nope' }, null]);
    const [unknown, h] = await executeOperation(doc, 'http://t', '', 'missing', {}, failing.fetch);
    expect(h).toBeNull();
    expect((unknown as { error: string }).error).toContain('missing');
    const down = vi.fn(async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    expect(await executeOperation(doc, 'http://t', '', 'forecast', { city: 'x' }, down)).toEqual([{ error: 'Failed to fetch' }, null]);
  });

  it('keeps a text answer as text', async () => {
    const f = fakeFetch(() => new Response('sunny'));
    expect((await executeOperation(doc, 'http://t', '', 'forecast', { city: 'x' }, f.fetch))[0]).toBe('sunny');
  });
});

describe('the servers of the user settings', () => {
  const server = (url: string, enable = true) => ({ type: 'openapi', url, path: 'openapi.json', auth_type: 'bearer', key: 'sk', spec_type: 'url', spec: '', config: { enable }, info: { id: '', name: '', description: '' } });
  beforeEach(() => forgetServers());
  afterEach(() => (session.settings = {}));

  it('sends the enabled servers whose documents load, once loaded kept, and reports the others', async () => {
    session.settings = { toolServers: [server('http://a.test'), server('http://off.test', false), server('http://down.test')] };
    const f = fakeFetch((url) => (url.startsWith('http://a.test') ? new Response(JSON.stringify(doc)) : new Response('{}', { status: 500 })));
    const first = await toolServersPayload([0, 1, 2], f.fetch);
    expect(first.servers).toHaveLength(1);
    expect(first.servers[0]).toMatchObject({ url: 'http://a.test', info: { title: 'Weather' }, openapi: { openapi: '3.1.0' } });
    expect(first.servers[0].specs.map((s) => s.name)).toEqual(['forecast', 'add_note']);
    expect(first.errors).toEqual(['http://down.test: http://down.test/openapi.json: HTTP 500']);
    expect(f.calls.map((c) => c.url).sort()).toEqual(['http://a.test/openapi.json', 'http://down.test/openapi.json']);
    expect((f.calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer sk');

    await toolServersPayload([0, 1, 2], f.fetch);
    expect((await toolServersPayload([1], f.fetch)).servers).toEqual([]);
    // a.test came from the cache; the failed one was tried again.
    expect(f.calls.filter((c) => c.url === 'http://a.test/openapi.json')).toHaveLength(1);
    expect(f.calls.filter((c) => c.url === 'http://down.test/openapi.json')).toHaveLength(2);
  });

  it('answers execute:tool with the saved server\'s key, and refuses a server not in the settings', async () => {
    session.settings = { toolServers: [server('http://a.test')] };
    const f = fakeFetch(() => new Response(JSON.stringify({ temp: 21 })));
    const answer = await answerExecuteTool({ name: 'forecast', params: { city: 'Oslo' }, server: { url: 'http://a.test', openapi: doc } }, f.fetch);
    expect(answer[0]).toEqual({ temp: 21 });
    expect(f.calls[0].url).toBe('http://a.test/cities/Oslo/forecast');
    expect((f.calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer sk');

    const refused = await answerExecuteTool({ name: 'forecast', params: {}, server: { url: 'http://evil.test', openapi: doc } }, f.fetch);
    expect(refused).toEqual([{ error: 'Tool server not found: http://evil.test' }, null]);
    expect(f.calls).toHaveLength(1);
  });
});
