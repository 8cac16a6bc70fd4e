// Floating quick actions, prompt autocompletion and the stylized PDF export: what each sends or
// makes, and their stock Interface switches (keys and defaults of the stock UI).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
vi.mock('../src/lib/socket', () => import('./fakeSocket'));

const { session } = await import('../src/lib/session.svelte');
const { append, emptyHistory } = await import('../src/lib/chat/history');
const { askAboutSelection, quickPrompt } = await import('../src/lib/chat/quickActions');
const InterfaceTab = (await import('../src/components/settings/InterfaceTab.svelte')).default;
const { delta, sse, stubSettingsSave } = await import('./uiStubs');

let saved: Record<string, unknown>[];

beforeEach(() => {
  saved = stubSettingsSave();
  session.config = { features: { enable_autocomplete_generation: true } } as never;
});

afterEach(() => vi.unstubAllGlobals());

describe('floating quick actions', () => {
  it('quotes every line of the selection and puts the request three lines below', () => {
    expect(quickPrompt('first line\nsecond', 'Explain')).toBe('> first line\n> second\n\n\nExplain');
  });

  it('streams the answer to the chat up to the answer plus the quoted question', async () => {
    const history = emptyHistory();
    append(history, { id: 'q', parentId: null, childrenIds: [], role: 'user', content: 'What is Rust?', timestamp: 1 });
    append(history, { id: 'a', parentId: 'q', childrenIds: [], role: 'assistant', content: 'A language.', model: 'm1', timestamp: 2 });
    append(history, { id: 'q2', parentId: 'a', childrenIds: [], role: 'user', content: 'later', timestamp: 3 });
    const calls: { url: string; body: any }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(sse(delta('It is'), delta(' a systems language.'), 'data: [DONE]\n\n'), { status: 200 });
    });
    const seen: string[] = [];
    const text = await askAboutSelection({ model: 'm1', history, messageId: 'a', prompt: '> A language.\n\n\nExplain', signal: new AbortController().signal, onText: (t) => seen.push(t) });
    expect(text).toBe('It is a systems language.');
    expect(seen).toEqual(['It is', 'It is a systems language.']);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/chat/completions');
    expect(calls[0].body).toEqual({
      model: 'm1',
      stream: true,
      messages: [
        { role: 'user', content: 'What is Rust?' },
        { role: 'assistant', content: 'A language.' },
        { role: 'user', content: '> A language.\n\n\nExplain' }
      ]
    });
  });

  it('is on by default and saved under the stock key when turned off', async () => {
    render(InterfaceTab);
    const box = screen.getByRole('switch', { name: 'Floating Quick Actions' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await fireEvent.click(box);
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ showFloatingActionButtons: false }));
  });
});
