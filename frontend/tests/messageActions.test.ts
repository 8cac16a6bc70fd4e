// Continue and delete on chat messages: the request sent for "Continue response", the tree after a
// delete, and the buttons as the user sees them.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
import type { Message } from '../src/lib/types';

vi.mock('../src/lib/socket', () => import('./fakeSocket'));
const { socket } = await import('./fakeSocket');

const { chat, continueResponse, deleteMessage, newChat } = await import('../src/lib/chat/controller.svelte');
const { session } = await import('../src/lib/session.svelte');
const { append, removeMessage, emptyHistory } = await import('../src/lib/chat/history');
const AssistantMessage = (await import('../src/components/AssistantMessage.svelte')).default;
const UserMessage = (await import('../src/components/UserMessage.svelte')).default;

const MODEL = { id: 'm1', name: 'Model One' };
let calls: { method: string; url: string; body: any }[];

const msg = (id: string, parentId: string | null, role: Message['role'], content = id, extra: Partial<Message> = {}): Message => ({ id, parentId, childrenIds: [], role, content, timestamp: 1, ...extra });

beforeEach(() => {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(init.body as string) : undefined });
    const body = url === '/api/chat/completions' ? { status: true, task_id: 'task-9' } : (init.method ?? 'GET') === 'GET' ? [] : {};
    return new Response(JSON.stringify(body), { status: 200 });
  }));
  session.models = [MODEL];
  session.settings = {};
  session.user = { id: 'u1', name: 'Ada', email: 'a@b.c', role: 'user', token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '', permissions: {} };
  newChat();
  chat.id = 'chat-1';
  append(chat.history, msg('u1', null, 'user', 'Write a poem'));
  append(chat.history, msg('a1', 'u1', 'assistant', 'Roses are red', { model: 'm1', done: true }));
  chat.history = chat.history;
});

describe('continue response', () => {
  it('sends the answer so far as the last message and keeps it when only the new text streams back', async () => {
    await continueResponse();
    const req = calls.find((c) => c.url === '/api/chat/completions')!.body;
    expect(req.id).toBe('a1');
    expect(req.messages).toEqual([{ role: 'user', content: 'Write a poem' }, { role: 'assistant', content: 'Roses are red' }]);
    expect(chat.history.messages.a1.done).toBe(false);
    socket.listener!({ chat_id: 'chat-1', message_id: 'a1', data: { type: 'chat:completion', data: { content: ', violets are blue' } } });
    expect(chat.history.messages.a1.content).toBe('Roses are red, violets are blue');
    socket.listener!({ chat_id: 'chat-1', message_id: 'a1', data: { type: 'chat:completion', data: { content: 'Roses are red, violets are blue.', done: true } } });
    expect(chat.history.messages.a1.content).toBe('Roses are red, violets are blue.');
    expect(chat.history.messages.a1.done).toBe(true);
  });

  it('does nothing while the answer is still generating', async () => {
    chat.history.messages.a1.done = false;
    await continueResponse();
    expect(calls.some((c) => c.url === '/api/chat/completions')).toBe(false);
  });
});

describe('delete message', () => {
  it('removes the message and its replies, lifts the grandchildren and shows the parent branch', () => {
    const h = emptyHistory();
    append(h, msg('u1', null, 'user'));
    append(h, msg('a1', 'u1', 'assistant'));
    append(h, msg('u2', 'a1', 'user'));
    append(h, msg('a2', 'u2', 'assistant'));
    append(h, msg('u3', 'a2', 'user'));
    append(h, msg('u2b', 'a1', 'user'));
    removeMessage(h, 'u2');
    expect(Object.keys(h.messages).sort()).toEqual(['a1', 'u1', 'u2b', 'u3']);
    expect(h.messages.a1.childrenIds).toEqual(['u2b', 'u3']);
    expect(h.messages.u3.parentId).toBe('a1');
    expect(h.currentId).toBe('u3');
  });

  it('deleting an edited first message shows the other version', () => {
    const h = emptyHistory();
    append(h, msg('u1', null, 'user'));
    append(h, msg('a1', 'u1', 'assistant'));
    append(h, msg('u1b', null, 'user'));
    append(h, msg('a1b', 'u1b', 'assistant'));
    removeMessage(h, 'u1b');
    expect(Object.keys(h.messages).sort()).toEqual(['a1', 'u1']);
    expect(h.currentId).toBe('a1');
    removeMessage(h, 'u1');
    expect(h).toEqual({ currentId: null, messages: {} });
  });

  it('saves the chat without the deleted reply', async () => {
    append(chat.history, msg('a1b', 'u1', 'assistant', 'Second try', { model: 'm1', done: true }));
    await deleteMessage('a1b');
    const saved = calls.find((c) => c.url === '/api/v1/chats/chat-1')!.body.chat;
    expect(Object.keys(saved.history.messages).sort()).toEqual(['a1', 'u1']);
    expect(saved.history.currentId).toBe('a1');
    expect(saved.messages.map((m: Message) => m.id)).toEqual(['u1', 'a1']);
  });

  it('offers Continue on the last answer and Delete only where the stock UI does', async () => {
    const only = render(AssistantMessage, { message: chat.history.messages.a1, last: true });
    expect(screen.getByRole('button', { name: 'Continue response' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete message' })).toBeNull();
    only.unmount();
    append(chat.history, msg('a1b', 'u1', 'assistant', 'Second try', { model: 'm1', done: true }));
    const two = render(AssistantMessage, { message: chat.history.messages.a1b, last: false });
    expect(screen.queryByRole('button', { name: 'Continue response' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete message' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(chat.history.messages.a1b).toBeUndefined());
    two.unmount();
    render(UserMessage, { message: chat.history.messages.u1 });
    expect(screen.queryByRole('button', { name: 'Delete message' })).toBeNull();
  });

  it('hides both when the permissions say so', () => {
    session.user!.permissions = { chat: { continue_response: false, delete_message: false } };
    append(chat.history, msg('a1b', 'u1', 'assistant', 'Second try', { model: 'm1', done: true }));
    render(AssistantMessage, { message: chat.history.messages.a1b, last: true });
    expect(screen.queryByRole('button', { name: 'Continue response' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete message' })).toBeNull();
  });
});
