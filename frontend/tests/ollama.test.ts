import { describe, expect, it, vi, afterEach } from 'vitest';
import { LineSplitter, progressOf, readNdjson } from '../src/lib/ollama';
import { ollama } from '../src/lib/api/ollama';

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(encoder.encode(c)));
      controller.close();
    }
  });
}

describe('Ollama NDJSON progress', () => {
  it('splits lines cut anywhere across chunks', () => {
    const lines = new LineSplitter();
    expect(lines.push('{"status":"pulling manifest"}\n{"status":"pull')).toEqual(['{"status":"pulling manifest"}']);
    expect(lines.push('ing abc","total":100,"completed":50}\n')).toEqual(['{"status":"pulling abc","total":100,"completed":50}']);
    expect(lines.push('{"status":"success"}')).toEqual([]);
    expect(lines.end()).toEqual(['{"status":"success"}']);
  });

  it('turns byte counts into a percentage and recognises success and errors', () => {
    expect(progressOf({ status: 'pulling abc', total: 200, completed: 50 })).toEqual({ status: 'pulling abc', percent: 25, done: false, error: null });
    expect(progressOf({ status: 'verifying sha256 digest' }).percent).toBeNull();
    expect(progressOf({ status: 'success' }).done).toBe(true);
    expect(progressOf({ error: 'pull model manifest: file does not exist' })).toMatchObject({ done: true, error: 'pull model manifest: file does not exist' });
  });

  it('reads a whole body, skipping lines that are not JSON', async () => {
    const seen: unknown[] = [];
    await readNdjson(stream(['{"status":"a"}\n<html>\n{"sta', 'tus":"success"}']), (l) => seen.push(l));
    expect(seen).toEqual([{ status: 'a' }, { status: 'success' }]);
  });
});

describe('ollama.pull', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts to the chosen server and reports each line until success', async () => {
    const fetchMock = vi.fn(async () => new Response(stream([
      '{"status":"pulling manifest"}\n{"status":"pulling abc","total":100,"completed":40}\n',
      '{"status":"pulling abc","total":100,"completed":100}\n{"status":"success"}\n'
    ]), { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } }));
    vi.stubGlobal('fetch', fetchMock);
    const percents: (number | null)[] = [];
    await ollama.pull('llama3', 1, (p) => percents.push(p.percent));
    expect(percents).toEqual([null, 40, 100, null]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/ollama/api/pull/1');
    expect(JSON.parse(init.body as string)).toEqual({ name: 'llama3', stream: true });
  });

  it('fails with the detail of a refused pull and when the stream stops early', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"detail":"Could not reach Ollama"}', { status: 502 })));
    await expect(ollama.pull('x', 0, () => {})).rejects.toMatchObject({ status: 502, detail: 'Could not reach Ollama' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(stream(['{"status":"pulling manifest"}\n']), { status: 200 })));
    await expect(ollama.pull('x', 0, () => {})).rejects.toMatchObject({ detail: 'The pull ended before Ollama reported success' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(stream(['{"error":"manifest unknown"}\n']), { status: 200 })));
    await expect(ollama.pull('x', 0, () => {})).rejects.toMatchObject({ detail: 'manifest unknown' });
  });
});
