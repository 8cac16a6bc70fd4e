// `#` and `@` in the message box: the parser, and the lists they open in the real MessageInput.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);

vi.mock('../src/lib/socket', () => import('./fakeSocket'));
const { dropMention, mentionAt } = await import('../src/lib/chat/mentions');
const MessageInput = (await import('../src/components/MessageInput.svelte')).default;
const { chat, newChat } = await import('../src/lib/chat/controller.svelte');
const { attachments, clearAttachments } = await import('../src/lib/chat/attachments.svelte');
const { session } = await import('../src/lib/session.svelte');

describe('mentionAt', () => {
  it('finds the # or @ word at the caret, only at a word start', () => {
    expect(mentionAt('#hand', 5)).toEqual({ trigger: '#', query: 'hand', start: 0 });
    expect(mentionAt('ask @Gpt now', 8)).toEqual({ trigger: '@', query: 'gpt', start: 4 });
    expect(mentionAt('ask @gpt now', 12)).toBeNull();
    expect(mentionAt('mail a@b.c', 10)).toBeNull();
    expect(mentionAt('issue #', 7)).toEqual({ trigger: '#', query: '', start: 6 });
    const m = mentionAt('see #han please', 8)!;
    expect(dropMention('see #han please', m, 8)).toEqual({ text: 'see  please', caret: 4 });
  });
});

let completions: any[];
const KB = { id: 'kb-1', name: 'Team Handbook', description: '', files: [{ id: 'f-9', meta: { name: 'holidays.pdf', size: 10 } }] };

beforeEach(() => {
  completions = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    let body: unknown = method === 'GET' ? [] : {};
    if (url === '/api/v1/knowledge/') body = [KB];
    if (url === '/api/v1/chats/new') body = { id: 'chat-7', title: 'New Chat', chat: {} };
    if (url === '/api/chat/completions') {
      completions.push(JSON.parse(init.body as string));
      body = { status: true, task_id: 't' };
    }
    return new Response(JSON.stringify(body), { status: 200 });
  }));
  session.user = { id: 'u1', name: 'Ada', email: 'a@b.c', role: 'user', token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '' };
  session.models = [{ id: 'llama3', name: 'Llama 3' }, { id: 'gpt-4o', name: 'GPT-4o' }];
  session.settings = { richTextInput: false }; // the plain box (the rich one: tests/interfaceSwitches.test.ts)
  newChat();
  chat.models = ['llama3'];
  clearAttachments();
});

const box = () => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;

async function type(value: string) {
  box().value = value;
  box().setSelectionRange(value.length, value.length);
  await fireEvent.input(box());
}

describe('message box # and @', () => {
  it('# lists knowledge bases and their files and attaches the pick', async () => {
    render(MessageInput);
    await type('Summarise #hol');
    const option = await screen.findByRole('option', { name: /holidays\.pdf/ });
    expect(screen.getByRole('listbox', { name: 'Knowledge' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Collection$/ })).toBeNull();
    await fireEvent.mouseDown(option);
    expect(attachments.map((a) => [a.kind, a.name, a.item?.id])).toEqual([['file', 'holidays.pdf', 'f-9']]);
    expect(box().value).toBe('Summarise ');
    await type('Summarise #');
    await screen.findByRole('option', { name: /^Team Handbook\s*Collection$/ });
    await fireEvent.keyDown(box(), { key: 'Enter' });
    expect(attachments.map((a) => a.kind)).toEqual(['file', 'collection']);
  });

  it('@ picks a model that answers the next messages instead of the chat model', async () => {
    render(MessageInput);
    await type('@gp');
    expect(screen.getByRole('listbox', { name: 'Models' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Llama/ })).toBeNull();
    await fireEvent.keyDown(box(), { key: 'Enter' });
    expect(screen.getByText('Talking to GPT-4o')).toBeTruthy();
    await type('Hello there');
    await fireEvent.keyDown(box(), { key: 'Enter' });
    await vi.waitFor(() => expect(completions).toHaveLength(1));
    expect(completions[0].model).toBe('gpt-4o');
    expect(chat.models).toEqual(['llama3']);
    await fireEvent.click(screen.getByRole('button', { name: 'Stop talking to GPT-4o' }));
    expect(screen.queryByText('Talking to GPT-4o')).toBeNull();
  });

  it('Escape closes the list and keeps the text', async () => {
    render(MessageInput);
    await type('@');
    expect(screen.getAllByRole('option')).toHaveLength(2);
    await fireEvent.keyDown(box(), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box().value).toBe('@');
  });
});
