import { describe, expect, it } from 'vitest';
import { chatAsText, fileName, parseImport } from '../src/lib/chat/export';
import { append, emptyHistory } from '../src/lib/chat/history';
import type { Message } from '../src/lib/types';

const msg = (id: string, parentId: string | null, role: Message['role'], content: string): Message => ({ id, parentId, childrenIds: [], role, content, timestamp: 1 });

describe('chat export', () => {
  it('writes the branch on screen as USER/ASSISTANT sections', () => {
    const h = emptyHistory();
    append(h, msg('u1', null, 'user', 'Hi'));
    append(h, msg('a1', 'u1', 'assistant', 'old answer'));
    append(h, msg('a2', 'u1', 'assistant', 'Hello!'));
    expect(chatAsText(h)).toBe('### USER\nHi\n\n### ASSISTANT\nHello!');
  });

  it('makes safe file names', () => {
    expect(fileName('a/b: c?', 'txt')).toBe('chat-a b c.txt');
    expect(fileName('   ', 'pdf')).toBe('chat-chat.pdf');
  });
});

describe('parseImport', () => {
  const history = { currentId: 'u1', messages: { u1: msg('u1', null, 'user', 'Hi') } };

  it('reads exported chat objects with their meta and dates', () => {
    const [c] = parseImport(JSON.stringify([{ id: 'x', title: 'T', chat: { title: 'T', history, models: ['m'] }, meta: { tags: ['a'] }, created_at: 5, updated_at: 6, pinned: true }]));
    expect(c).toEqual({ chat: { title: 'T', history, models: ['m'] }, meta: { tags: ['a'] }, pinned: true, folder_id: null, created_at: 5, updated_at: 6 });
  });

  it('reads bare chat blobs of older exports and a single object', () => {
    expect(parseImport(JSON.stringify([{ title: 'Old', history }]))[0]).toMatchObject({ chat: { title: 'Old' }, meta: {}, created_at: null });
    expect(parseImport(JSON.stringify({ chat: { history } }))[0].chat.title).toBe('Imported chat');
  });

  it('refuses files that are not chat exports', () => {
    expect(() => parseImport('not json')).toThrow('This file is not JSON');
    expect(() => parseImport('[]')).toThrow('This file is not a chat export');
    expect(() => parseImport('[{"name": "x"}]')).toThrow('This file is not a chat export');
    expect(() => parseImport('[1]')).toThrow('This file is not a chat export');
  });
});
