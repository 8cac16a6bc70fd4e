// Floating quick actions, prompt autocompletion and the stylized PDF export: what each sends or
// makes, and their stock Interface switches (keys and defaults of the stock UI).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
vi.mock('../src/lib/socket', () => import('./fakeSocket'));
// The capture itself needs a real layout (e2e/interfaceExtras2.test.js); here only which PDF is made.
const styledPdf = vi.fn(async () => new Blob(['styled'], { type: 'application/pdf' }));
vi.mock('../src/lib/chat/stylizedPdf', () => ({ stylizedPdf: styledPdf }));

const { session } = await import('../src/lib/session.svelte');
const { append, branch, emptyHistory } = await import('../src/lib/chat/history');
const { addToChat, askAboutSelection } = await import('../src/lib/chat/quickActions');
const { defaultActions, fillPrompt } = await import('../src/lib/chat/quickActionList');
const { Autocompleter, fetchSuggestion, suggestionIn } = await import('../src/lib/chat/autocomplete');
const { chat, newChat } = await import('../src/lib/chat/controller.svelte');
const InterfaceTab = (await import('../src/components/settings/InterfaceTab.svelte')).default;
const MessageInput = (await import('../src/components/MessageInput.svelte')).default;
const ChatPrint = (await import('../src/components/chat/ChatPrint.svelte')).default;
const { downloadChat } = await import('../src/lib/chat/export');
const { delta, sse, stubSettingsSave } = await import('./uiStubs');

let saved: Record<string, unknown>[];

beforeEach(() => {
  saved = stubSettingsSave();
  session.config = { features: { enable_autocomplete_generation: true } } as never;
});

afterEach(() => vi.unstubAllGlobals());

describe('floating quick actions', () => {
  it('quotes every line of the selection and puts the request three lines below', () => {
    const explain = defaultActions((s) => s)[1];
    expect(fillPrompt(explain.prompt, 'first line\nsecond')).toBe('> first line\n> second\n\n\nExplain');
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

  it('Add puts the question and its answer under the answer as the current branch', () => {
    const history = emptyHistory();
    append(history, { id: 'q', parentId: null, childrenIds: [], role: 'user', content: 'Hi', timestamp: 1 });
    append(history, { id: 'a', parentId: 'q', childrenIds: [], role: 'assistant', content: 'Hello.', model: 'm1', timestamp: 2 });
    addToChat(history, 'a', '> Hello.\n\n\nExplain', 'A greeting.', { id: 'm1', name: 'Model One' });
    const [, , question, answer] = branch(history);
    expect(history.messages.a.childrenIds).toEqual([question.id]);
    expect(question).toMatchObject({ role: 'user', content: '> Hello.\n\n\nExplain', parentId: 'a' });
    expect(answer).toMatchObject({ role: 'assistant', content: 'A greeting.', parentId: question.id, model: 'm1', modelName: 'Model One', done: true });
    expect(history.currentId).toBe(answer.id);
  });

  it('is on by default and saved under the stock key when turned off', async () => {
    render(InterfaceTab);
    const box = screen.getByRole('switch', { name: 'Floating Quick Actions' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await fireEvent.click(box);
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ showFloatingActionButtons: false }));
  });
});

describe('prompt autocompletion', () => {
  it('reads the text of the JSON object in the answer, nothing from anything else', () => {
    expect(suggestionIn('Sure: {"text": " world"} done')).toBe(' world');
    expect(suggestionIn('{"queries": ["x"]}')).toBe('');
    expect(suggestionIn('no json')).toBe('');
    expect(suggestionIn('{broken')).toBe('');
  });

  it('posts the stock body and returns the continuation', async () => {
    const calls: { url: string; body: any }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify({ choices: [{ message: { content: '{"text": " there"}' } }] }), { status: 200 });
    });
    expect(await fetchSuggestion('m1', 'hi', null, new AbortController().signal)).toBe(' there');
    await fetchSuggestion('m1', 'hi', [{ role: 'user', content: 'before' }], new AbortController().signal);
    expect(calls[0]).toEqual({ url: '/api/v1/tasks/auto/completions', body: { model: 'm1', prompt: 'hi', type: 'search query', stream: false } });
    expect(calls[1].body.messages).toEqual([{ role: 'user', content: 'before' }]);
  });

  it('asks once after the pause; typing meanwhile cancels, and a late answer is dropped', async () => {
    vi.useFakeTimers();
    try {
      const asked: string[] = [];
      const signals: AbortSignal[] = [];
      const answers: ((s: string) => void)[] = [];
      const shown: string[] = [];
      const c = new Autocompleter((p, signal) => (asked.push(p), signals.push(signal), new Promise((r) => answers.push(r))), (s) => shown.push(s), 1000);
      c.changed('hel');
      vi.advanceTimersByTime(600);
      c.changed('hello');
      vi.advanceTimersByTime(999);
      expect(asked).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(asked).toEqual(['hello']);
      c.changed('hello w');
      expect(signals[0].aborted).toBe(true);
      answers[0](' world');
      await vi.advanceTimersByTimeAsync(0);
      expect(shown).toEqual([]);
      await vi.advanceTimersByTimeAsync(1000);
      answers[1](' wide web');
      await vi.advanceTimersByTimeAsync(0);
      expect(shown).toEqual([' wide web']);
      c.changed(null);
      c.changed('   ');
      await vi.advanceTimersByTimeAsync(2000);
      expect(asked).toEqual(['hello', 'hello w']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is offered only when the server has it on, off by default, saved under the stock key', async () => {
    session.config = { features: {} } as never;
    const view = render(InterfaceTab);
    expect(screen.queryByRole('switch', { name: 'Prompt Autocompletion' })).toBeNull();
    view.unmount();
    session.config = { features: { enable_autocomplete_generation: true } } as never;
    render(InterfaceTab);
    const box = screen.getByRole('switch', { name: 'Prompt Autocompletion' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await fireEvent.click(box);
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ promptAutocomplete: true }));
  });

  it('shows the suggestion after the typed text in the plain box and Tab takes it', async () => {
    session.settings = { richTextInput: false, promptAutocomplete: true };
    newChat();
    chat.models = ['m1'];
    const asked: any[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (url === '/api/v1/tasks/auto/completions') asked.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ choices: [{ message: { content: '{"text": " world"}' } }] }), { status: 200 });
    });
    render(MessageInput);
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    box.value = 'line one\nhello';
    box.setSelectionRange(box.value.length, box.value.length);
    await fireEvent.input(box);
    const ghost = await screen.findByTestId('autocomplete-ghost', undefined, { timeout: 3000 });
    expect(ghost.textContent).toBe('line one\nhello world');
    expect(asked).toEqual([{ model: 'm1', prompt: 'hello', type: 'search query', stream: false }]);
    await fireEvent.keyDown(box, { key: 'Tab' });
    await waitFor(() => expect(box.value).toBe('line one\nhello world'));
    expect(screen.queryByTestId('autocomplete-ghost')).toBeNull();
  });
});

describe('stylized PDF export', () => {
  const history = () => {
    const h = emptyHistory();
    append(h, { id: 'q', parentId: null, childrenIds: [], role: 'user', content: 'Make it **bold**', timestamp: 1 });
    append(h, { id: 'old', parentId: 'q', childrenIds: [], role: 'assistant', content: 'an older answer', model: 'm1', timestamp: 2 });
    append(h, { id: 'a', parentId: 'q', childrenIds: [], role: 'assistant', content: 'Here:\n\n- **one**\n- two', model: 'm1', modelName: 'Model One', timestamp: 3 });
    return h;
  };
  const theChat = () => ({ id: 'c1', title: 'Printed', chat: { history: history(), models: ['m1'] } }) as never;

  it('lays out the branch on screen as the chat shows it: title, the user bubble, the answer rendered', () => {
    const view = render(ChatPrint, { chat: theChat() });
    expect(view.container.querySelector('h1')?.textContent).toBe('Printed');
    expect(view.container.querySelector('.bubble strong')?.textContent).toBe('bold');
    expect([...view.container.querySelectorAll('.answer li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(view.container.querySelector('.answer .name')?.textContent).toBe('Model One');
    expect(view.container.textContent).not.toContain('an older answer');
  });

  /** The file the export saves, as text (jsdom's Blob cannot read itself). */
  async function download(): Promise<string> {
    const blobs: Blob[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(theChat()), { status: 200 }));
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'), revokeObjectURL: () => {} }));
    await downloadChat('c1', 'pdf');
    return new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
  }

  it('is what the PDF export makes by default; turned off, the text-only PDF is made', async () => {
    styledPdf.mockClear();
    expect(await download()).toBe('styled');
    expect(styledPdf).toHaveBeenCalledTimes(1);
    session.settings = { stylizedPdfExport: false };
    const plain = await download();
    expect(plain.startsWith('%PDF-')).toBe(true);
    expect(plain).toContain('(Printed) Tj');
    expect(styledPdf).toHaveBeenCalledTimes(1);
  });

  it('is on by default and saved under the stock key', async () => {
    render(InterfaceTab);
    const box = screen.getByRole('switch', { name: 'Stylized PDF Export' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await fireEvent.click(box);
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ stylizedPdfExport: false }));
  });
});
