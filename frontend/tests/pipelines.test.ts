import { afterEach, describe, expect, it, vi } from 'vitest';
import { pipelines, valveFields, valveValues } from '../src/lib/api/pipelines';
import { ApiError, token } from '../src/lib/api/http';

function stubFetch(status: number, body: unknown) {
  const fn = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fn);
  return fn;
}

const callOf = (fn: ReturnType<typeof stubFetch>, i = 0) => fn.mock.calls[i] as unknown as [string, RequestInit];

afterEach(() => vi.unstubAllGlobals());

describe('Admin › Pipelines', () => {
  it('asks the server behind the chosen connection index', async () => {
    const fetch = stubFetch(200, { data: [{ id: 'guard', name: 'Guard', type: 'filter', valves: true }] });
    expect((await pipelines.list(1))[0].id).toBe('guard');
    expect(callOf(fetch)[0]).toBe('/api/v1/pipelines/?urlIdx=1');
    await pipelines.updateValves('a b', 2, { limit: 3 });
    const [url, init] = callOf(fetch, 1);
    expect(url).toBe('/api/v1/pipelines/a%20b/valves/update?urlIdx=2');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ limit: 3 });
  });

  it('deletes with the id and index in the body, as the server expects', async () => {
    const fetch = stubFetch(200, { status: true });
    await pipelines.remove('guard', 1);
    const [url, init] = callOf(fetch);
    expect(url).toBe('/api/v1/pipelines/delete');
    expect(init.method).toBe('DELETE');
    expect(JSON.parse(init.body as string)).toEqual({ id: 'guard', urlIdx: 1 });
  });

  it('uploads the file as multipart with the index and the token', async () => {
    token.set('jwt-9');
    const fetch = stubFetch(200, { status: true });
    await pipelines.upload(new File(['class Pipeline: pass'], 'f.py'), 3);
    const [url, init] = callOf(fetch);
    expect(url).toBe('/api/v1/pipelines/upload');
    const form = init.body as FormData;
    expect(form.get('urlIdx')).toBe('3');
    expect((form.get('file') as File).name).toBe('f.py');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer jwt-9');
  });

  it("turns the server's refusal into an error with its detail", async () => {
    stubFetch(400, { detail: 'Only Python (.py) files are allowed.' });
    await expect(pipelines.upload(new File(['x'], 'f.txt'), 0)).rejects.toEqual(new ApiError(400, 'Only Python (.py) files are allowed.'));
  });

  it('builds the valves form from the spec and reads typed values back', () => {
    const fields = valveFields(
      { properties: { limit: { title: 'Limit', type: 'integer' }, on: { type: 'boolean' }, ids: { type: 'array' }, key: { type: 'string' } } },
      { limit: 5, on: true, ids: ['a', 'b'], key: null }
    );
    expect(fields.map((f) => [f.key, f.title, f.type, f.value])).toEqual([
      ['limit', 'Limit', 'integer', '5'],
      ['on', 'on', 'boolean', true],
      ['ids', 'ids', 'list', 'a, b'],
      ['key', 'key', 'text', '']
    ]);
    fields[0].value = '7';
    fields[2].value = 'x, , y';
    expect(valveValues(fields)).toEqual({ limit: 7, on: true, ids: ['x', 'y'], key: '' });
    fields[0].value = '7.5';
    expect(() => valveValues(fields)).toThrow('Limit: not a whole number');
  });
});
