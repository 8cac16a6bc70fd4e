// The stock interface switches added with the rich-text message box, each with its effect: the
// message box's mode (lazy rich box, formatting toolbar), long pastes as files, the artifact frame's
// sandbox, collapsed code, open tool-call details, follow-ups kept and inserted, web search always on.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
vi.mock('../src/lib/socket', () => import('./fakeSocket'));

const { session } = await import('../src/lib/session.svelte');
const { chat, newChat } = await import('../src/lib/chat/controller.svelte');
const { webSearch } = await import('../src/lib/chat/webSearch.svelte');
const { composer } = await import('../src/lib/chat/composer');
const { artifactSandbox } = await import('../src/lib/artifacts/sandbox');
const { collapseCodeBlocks } = await import('../src/lib/markdown/code');
const { renderMarkdown } = await import('../src/lib/markdown/render');
const { PASTED_TEXT_LIMIT, pastedTextFile } = await import('../src/lib/chat/pastedText');
const { append } = await import('../src/lib/chat/history');
const { imageLimits } = await import('../src/lib/chat/images');
const { fadeNewText } = await import('../src/lib/markdown/fade');
const MessageInput = (await import('../src/components/MessageInput.svelte')).default;
const InterfaceTab = (await import('../src/components/settings/InterfaceTab.svelte')).default;
const Markdown = (await import('../src/components/Markdown.svelte')).default;
const { stubSettingsSave } = await import('./uiStubs');
const ToolCall = (await import('../src/components/ToolCall.svelte')).default;
const AssistantMessage = (await import('../src/components/AssistantMessage.svelte')).default;
const ChatView = (await import('../src/components/ChatView.svelte')).default;

let saved: Record<string, unknown>[];

beforeEach(() => {
  saved = stubSettingsSave();
  newChat();
  // jsdom has no editing commands; the rich box only sets its paragraph separator with one here.
  document.execCommand = vi.fn(() => true);
});

describe('message box mode', () => {
  it('is the rich-text box by default (loaded after the page), the plain textarea when turned off', async () => {
    const view = render(MessageInput);
    expect(view.container.querySelector('textarea')).not.toBeNull();
    await waitFor(() => expect(view.container.querySelector('[contenteditable="true"]')).not.toBeNull());
    expect(screen.getByRole('textbox', { name: 'Message' }).tagName).toBe('DIV');
    session.settings = { richTextInput: false };
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' }).tagName).toBe('TEXTAREA'));
  });

  it('offers the formatting toolbar and rich prompts only while rich text is on, saved under the stock keys', async () => {
    render(InterfaceTab);
    await fireEvent.click(screen.getByRole('switch', { name: 'Show Formatting Toolbar' }));
    expect(session.settings.showFormattingToolbar).toBe(true);
    await fireEvent.click(screen.getByRole('switch', { name: 'Rich Text Input for Chat' }));
    expect(session.settings.richTextInput).toBe(false);
    await waitFor(() => expect(screen.queryByRole('switch', { name: 'Show Formatting Toolbar' })).toBeNull());
    expect(screen.queryByRole('switch', { name: 'Insert Prompt as Rich Text' })).toBeNull();
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ richTextInput: false, showFormattingToolbar: true }));
  });

  it('keeps auto-copy off when the clipboard is refused', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { readText: () => Promise.reject(new Error('denied')) } });
    render(InterfaceTab);
    const box = screen.getByRole('switch', { name: 'Auto-Copy Response to Clipboard' }) as HTMLInputElement;
    await fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(false));
    expect(session.settings.responseAutoCopy).toBeUndefined();
    vi.unstubAllGlobals();
  });
});

describe('paste large text as file', () => {
  it('names and types the file as the stock UI does, over the stock limit only', () => {
    const file = pastedTextFile('x'.repeat(1200), 1700000000000);
    expect(file.name).toBe('Pasted_Text_1700000000000.txt');
    expect(file.type).toBe('text/plain');
    expect(file.size).toBe(1200);
    expect(PASTED_TEXT_LIMIT).toBe(1000);
  });
});

describe('artifact sandbox', () => {
  it('runs scripts only, adding forms and the same origin when allowed', () => {
    expect(artifactSandbox({})).toBe('allow-scripts');
    expect(artifactSandbox({ iframeSandboxAllowForms: true })).toBe('allow-scripts allow-forms');
    expect(artifactSandbox({ iframeSandboxAllowSameOrigin: true, iframeSandboxAllowForms: true })).toBe('allow-scripts allow-forms allow-same-origin');
  });
});

describe('always collapse code blocks', () => {
  it('renders code collapsed with an Expand button only when on', async () => {
    expect(collapseCodeBlocks(renderMarkdown('```js\nlet a = 1;\n```'))).toContain('class="code-block collapsed"');
    const view = render(Markdown, { source: '```js\nlet a = 1;\n```' });
    expect(view.container.querySelector('.code-block.collapsed')).toBeNull();
    session.settings = { collapseCodeBlocks: true };
    await waitFor(() => expect(view.container.querySelector('.code-block.collapsed')).not.toBeNull());
    const button = view.container.querySelector<HTMLButtonElement>('[data-collapse-code]')!;
    expect(button.textContent).toBe('Expand');
    await fireEvent.click(button);
    expect(view.container.querySelector('.code-block.collapsed')).toBeNull();
  });
});

describe('always expand details', () => {
  it('opens tool-call details only when on', () => {
    const call = { id: 'c1', name: 'search', arguments: '{}', result: 'ok', done: true };
    render(ToolCall, { call });
    expect((screen.getByTestId('tool-call') as HTMLDetailsElement).open).toBe(false);
    cleanup();
    session.settings = { expandDetails: true };
    render(ToolCall, { call });
    expect((screen.getByTestId('tool-call') as HTMLDetailsElement).open).toBe(true);
  });
});

describe('follow-up prompts', () => {
  const answer = () => {
    chat.id = 'chat-1';
    append(chat.history, { id: 'u1', parentId: null, childrenIds: [], role: 'user', content: 'hi', timestamp: 1 });
    append(chat.history, { id: 'a1', parentId: 'u1', childrenIds: [], role: 'assistant', content: 'hello', timestamp: 1, model: 'm1', done: true, followUps: ['Tell me more'] });
    return chat.history.messages.a1;
  };

  it('shows them on earlier answers only when kept', async () => {
    const message = answer();
    render(AssistantMessage, { message, last: false });
    expect(screen.queryByRole('group', { name: 'Follow-up suggestions' })).toBeNull();
    session.settings = { keepFollowUpPrompts: true };
    await screen.findByRole('group', { name: 'Follow-up suggestions' });
  });

  it('puts the picked one in the message box instead of sending it when inserting is on', async () => {
    session.settings = { insertFollowUpPrompt: true };
    const filled: string[] = [];
    composer.fill = (text) => filled.push(text);
    render(AssistantMessage, { message: answer(), last: true });
    await fireEvent.click(screen.getByRole('button', { name: 'Tell me more' }));
    expect(filled).toEqual(['Tell me more']);
    expect(vi.mocked(fetch).mock.calls.some(([url]) => url === '/api/chat/completions')).toBe(false);
    composer.fill = null;
  });
});

describe('web search in chat', () => {
  it('starts a new chat with web search on when set to Always', () => {
    webSearch.on = false;
    newChat();
    expect(webSearch.on).toBe(false);
    session.settings = { webSearch: 'always' };
    newChat();
    expect(webSearch.on).toBe(true);
    webSearch.on = false;
  });
});

describe('image compression', () => {
  it('fits images in the user\'s size when on, the tighter of it and the server\'s limit, channels only when allowed', () => {
    const size = { width: '800', height: '' };
    expect(imageLimits({ imageCompressionSize: size }, null, false)).toEqual({ width: null, height: null });
    expect(imageLimits({ imageCompression: true, imageCompressionSize: size }, null, false)).toEqual({ width: 800, height: null });
    expect(imageLimits({ imageCompression: true, imageCompressionSize: size }, { width: 600, height: 400 }, false)).toEqual({ width: 600, height: 400 });
    expect(imageLimits({ imageCompression: true, imageCompressionSize: size }, null, true)).toEqual({ width: 800, height: null });
    expect(imageLimits({ imageCompression: true, imageCompressionSize: size, imageCompressionInChannels: false }, { width: 1000 }, true)).toEqual({ width: 1000, height: null });
  });
});

describe('multi-model responses in tabs', () => {
  it('shows one tab per model and only the chosen answer when on, side by side otherwise', async () => {
    session.models = [{ id: 'm1', name: 'Model One' }, { id: 'm2', name: 'Model Two' }];
    const view = render(ChatView, { chatId: null, sidebarOpen: false, ontogglesidebar: () => {} });
    chat.id = 'chat-1';
    append(chat.history, { id: 'u1', parentId: null, childrenIds: [], role: 'user', content: 'compare', timestamp: 1, models: ['m1', 'm2'] });
    append(chat.history, { id: 'a1', parentId: 'u1', childrenIds: [], role: 'assistant', content: 'first answer', timestamp: 1, model: 'm1', done: true });
    append(chat.history, { id: 'a2', parentId: 'u1', childrenIds: [], role: 'assistant', content: 'second answer', timestamp: 1, model: 'm2', done: true });
    chat.history.currentId = 'a1';
    await waitFor(() => expect(view.container.querySelector('.side-by-side')).not.toBeNull());
    session.settings = { displayMultiModelResponsesInTabs: true };
    const second = await screen.findByRole('tab', { name: 'Model Two' });
    expect(screen.getByRole('tab', { name: 'Model One' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('first answer');
    await fireEvent.click(second);
    await waitFor(() => expect(screen.getByRole('tabpanel').textContent).toContain('second answer'));
    expect(view.container.querySelector('.side-by-side')).toBeNull();
  });
});

describe('fade effect for streaming text', () => {
  it('wraps only the text added since the last render', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Hello <strong>wor</strong>ld again</p>';
    expect(fadeNewText(root, 8)).toBe(17);
    expect([...root.querySelectorAll('.fade-in')].map((s) => s.textContent)).toEqual(['r', 'ld again']);
    expect(root.textContent).toBe('Hello world again');
  });

  it('fades a streaming answer in by default and not when turned off', async () => {
    const message = { id: 'a1', parentId: null, childrenIds: [], role: 'assistant' as const, content: 'First words', timestamp: 1, model: 'm1', done: false };
    const view = render(AssistantMessage, { message, last: true });
    await view.rerender({ message: { ...message, content: 'First words and more' }, last: true });
    await waitFor(() => expect(view.container.querySelector('.fade-in')?.textContent?.trim()).toBe('and more'));
    cleanup();
    session.settings = { chatFadeStreamingText: false };
    const plain = render(AssistantMessage, { message, last: true });
    await plain.rerender({ message: { ...message, content: 'First words and more' }, last: true });
    await waitFor(() => expect(plain.container.textContent).toContain('and more'));
    expect(plain.container.querySelector('.fade-in')).toBeNull();
  });
});
