// Enhance and files of a note: the request sent to the model, the SSE reading, the stock shapes of data.files.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enhanceMessages, enhanceNote, readDeltas } from '../src/lib/notes/enhance';
import { imageFile, noteFiles, storedFiles, uploadedFile } from '../src/lib/notes/files';
import { delta, sse } from './uiStubs';


afterEach(() => vi.unstubAllGlobals());

describe('enhance request', () => {
  it('sends the note inside <notes> and file text inside <context>', () => {
    const [system, user] = enhanceMessages('- milk', [{ name: 'list.txt', content: 'eggs too' }]);
    expect(system.role).toBe('system');
    expect(system.content).toMatch(/Markdown/);
    expect(user.content).toBe('<notes>\n- milk\n</notes>\n<context>\nlist.txt:\neggs too\n</context>');
    expect(enhanceMessages('x', [])[1].content).toBe('<notes>\nx\n</notes>');
  });

  it('reads deltas split anywhere across chunks, ignoring [DONE] and usage chunks', async () => {
    const whole = delta('# Shop') + delta('ping\n- milk') + 'data: {"choices":[],"usage":{"total_tokens":3}}\n\ndata: [DONE]\n\n';
    const parts: string[] = [];
    await readDeltas(sse(whole.slice(0, 13), whole.slice(13, 40), whole.slice(40)), (d) => parts.push(d));
    expect(parts.join('')).toBe('# Shopping\n- milk');
  });

  it('throws on an error event in the stream', async () => {
    await expect(readDeltas(sse(delta('a'), 'data: {"error": {"message": "model overloaded"}}\n\n'), () => {})).rejects.toThrow('model overloaded');
  });

  it('posts a streamed completion with the file text and reports the text as it grows', async () => {
    const calls: { url: string; body?: any }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.includes('/data/content')) return new Response(JSON.stringify({ content: 'from the file' }), { status: 200 });
      return new Response(sse(delta('Better'), delta(' notes')), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    const seen: string[] = [];
    const files = [uploadedFile({ id: 'f1', meta: { name: 'a.txt' } }, 5), imageFile('data:image/png;base64,AA==')];
    const result = await enhanceNote({ model: 'm1', md: 'notes', files, signal: new AbortController().signal, onText: (t) => seen.push(t) });
    expect(result).toBe('Better notes');
    expect(seen).toEqual(['Better', 'Better notes']);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/files/f1/data/content', '/api/chat/completions']);
    const body = calls[1].body;
    expect(body).toMatchObject({ model: 'm1', stream: true });
    expect(body.session_id).toBeUndefined();
    expect(body.messages[1].content).toContain('a.txt:\nfrom the file');
  });

  it('turns a refused request into its detail', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ detail: 'Model not found' }), { status: 400 }));
    await expect(enhanceNote({ model: 'x', md: 'n', files: [], signal: new AbortController().signal, onText: () => {} })).rejects.toThrow('Model not found');
  });
});

describe('note files', () => {
  it('keeps the stock shapes and drops what is not a file', () => {
    const doc = uploadedFile({ id: 'f1', filename: 'a.pdf', meta: { name: 'a.pdf', collection_name: 'file-f1' } }, 10);
    expect(doc).toMatchObject({ type: 'file', id: 'f1', url: '/api/v1/files/f1', name: 'a.pdf', size: 10, status: 'uploaded', collection_name: 'file-f1' });
    expect(imageFile('data:x')).toMatchObject({ type: 'image', url: 'data:x' });
    expect(noteFiles({ files: [doc, null, { foo: 1 }, 'x'] })).toEqual([doc]);
    expect(noteFiles(null)).toEqual([]);
    expect(storedFiles([])).toBeNull();
  });
});
