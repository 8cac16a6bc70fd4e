import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OllamaConnections from '../src/components/admin/OllamaConnections.svelte';

vi.mock('../src/lib/socket', () => ({ joinUser: () => {}, connectSocket: () => {}, onChatEvent: () => () => {} }));
vi.mock('../src/lib/session.svelte', () => ({ refreshModels: async () => {} }));

const calls: { url: string; method: string; body: any }[] = [];

function ndjson(lines: object[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      lines.forEach((l) => controller.enqueue(encoder.encode(JSON.stringify(l) + '\n')));
      controller.close();
    }
  });
}

function stubFetch() {
  calls.length = 0;
  let models = [{ name: 'llama3:latest', model: 'llama3:latest', size: 4.7e9 }];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ url, method: init.method ?? 'GET', body });
    if (url === '/ollama/config') {
      return new Response(JSON.stringify({ ENABLE_OLLAMA_API: true, OLLAMA_BASE_URLS: ['http://gpu:11434'],
        OLLAMA_API_CONFIGS: { '0': { enable: true, tags: [{ name: 'gpu' }], model_ids: ['llama3:latest'] } } }));
    }
    if (url === '/ollama/config/update') return new Response(JSON.stringify(body));
    if (url === '/ollama/api/tags/0') return new Response(JSON.stringify({ models }));
    if (url === '/ollama/api/pull/0') {
      models = [...models, { name: 'qwen3:latest', model: 'qwen3:latest', size: 1e9 }];
      return new Response(ndjson([{ status: 'pulling manifest' }, { status: 'pulling abc', total: 10, completed: 5 }, { status: 'success' }]),
        { headers: { 'Content-Type': 'application/x-ndjson' } });
    }
    if (url === '/ollama/api/delete/0') return new Response('true');
    return new Response('{}');
  }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Admin > Connections: Ollama', () => {
  it('saves URLs with prefix and key, keeping the config keys it does not edit', async () => {
    stubFetch();
    render(OllamaConnections);
    const url = await screen.findByLabelText('Ollama URL 1');
    expect((url as HTMLInputElement).value).toBe('http://gpu:11434');
    await fireEvent.input(screen.getByLabelText('Ollama prefix 1'), { target: { value: 'gpu' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add Ollama connection' }));
    await fireEvent.input(screen.getByLabelText('Ollama URL 2'), { target: { value: 'http://cpu:11434/' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save Ollama connections' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/ollama/config/update')).toBe(true));
    expect(calls.find((c) => c.url === '/ollama/config/update')!.body).toEqual({
      ENABLE_OLLAMA_API: true,
      OLLAMA_BASE_URLS: ['http://gpu:11434', 'http://cpu:11434'],
      OLLAMA_API_CONFIGS: {
        '0': { enable: true, tags: [{ name: 'gpu' }], model_ids: ['llama3:latest'], key: '', prefix_id: 'gpu' },
        '1': { enable: true, key: '' }
      }
    });
  });

  it('pulls a model with progress and lists it afterwards; deletes on the chosen server', async () => {
    stubFetch();
    vi.stubGlobal('confirm', () => true);
    render(OllamaConnections);
    await screen.findByText('llama3:latest');
    await fireEvent.input(screen.getByLabelText('Model to pull'), { target: { value: 'qwen3' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Pull' }));
    await screen.findByText('qwen3:latest');
    expect(calls.find((c) => c.url === '/ollama/api/pull/0')!.body).toEqual({ name: 'qwen3', stream: true });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete llama3:latest' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/ollama/api/delete/0')).toBe(true));
    const removed = calls.find((c) => c.url === '/ollama/api/delete/0')!;
    expect(removed.method).toBe('DELETE');
    expect(removed.body).toEqual({ name: 'llama3:latest' });
  });
});
