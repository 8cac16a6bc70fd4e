import { describe, expect, it } from 'vitest';
import { append, emptyHistory } from '../src/lib/chat/history';
import { feedbackForm } from '../src/lib/chat/feedback';
import type { Message } from '../src/lib/types';

const m = (id: string, parentId: string | null, role: Message['role'], model?: string): Message => ({ id, parentId, childrenIds: [], role, content: id, timestamp: 1, model });

describe('rating body (/api/v1/evaluations)', () => {
  it('names the rated model, the other models that answered the same question, and the chat', () => {
    const h = emptyHistory();
    append(h, m('u', null, 'user'));
    append(h, m('a1', 'u', 'assistant', 'gpt'));
    append(h, m('a2', 'u', 'assistant', 'llama'));
    append(h, m('a3', 'u', 'assistant', 'gpt'));
    const form = feedbackForm('chat-1', 'Title', h, h.messages.a1, { rating: -1, reason: 'Too long', comment: 'shorter' });
    expect(form.type).toBe('rating');
    expect(form.data).toEqual({ rating: -1, model_id: 'gpt', sibling_model_ids: ['llama'], reason: 'Too long', comment: 'shorter' });
    expect(form.meta).toEqual({ chat_id: 'chat-1', message_id: 'a1' });
    expect(form.snapshot.chat).toMatchObject({ id: 'chat-1', title: 'Title' });
  });

  it('has no siblings for a single answer and empty reason/comment by default', () => {
    const h = emptyHistory();
    append(h, m('u', null, 'user'));
    append(h, m('a', 'u', 'assistant', 'gpt'));
    const form = feedbackForm('c', 't', h, h.messages.a, { rating: 1 });
    expect(form.data.sibling_model_ids).toBeNull();
    expect(form.data.reason).toBe('');
    expect(form.data.comment).toBe('');
  });
});
