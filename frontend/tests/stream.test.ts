import { describe, expect, it } from 'vitest';
import { applyChatEvent } from '../src/lib/chat/stream';
import type { Message } from '../src/lib/types';

const reply = (): Message => ({ id: 'a', parentId: 'u', childrenIds: [], role: 'assistant', content: '', timestamp: 1, done: false });

describe('applyChatEvent', () => {
  it('replaces content with the accumulated text of each chat:completion', () => {
    const m = reply();
    for (const content of ['Hel', 'Hello', 'Hello, world']) expect(applyChatEvent(m, 'chat:completion', { content })).toEqual({});
    expect(m.content).toBe('Hello, world');
    expect(m.done).toBe(false);
  });

  it('appends raw OpenAI deltas and non-streamed messages', () => {
    const m = reply();
    applyChatEvent(m, 'chat:completion', { choices: [{ delta: { content: 'a' } }] });
    applyChatEvent(m, 'chat:completion', { choices: [{ delta: { content: 'b' } }] });
    applyChatEvent(m, 'chat:completion', { choices: [{ message: { content: 'c' } }] });
    expect(m.content).toBe('abc');
  });

  it('finishes on done with the final content and reports the title', () => {
    const m = reply();
    applyChatEvent(m, 'chat:completion', { content: 'partial' });
    expect(applyChatEvent(m, 'chat:completion', { done: true, content: 'final', title: 'New Chat' })).toEqual({ done: true, title: 'New Chat' });
    expect(m).toMatchObject({ content: 'final', done: true });
  });

  it('keeps the first sources and records usage and errors', () => {
    const m = reply();
    applyChatEvent(m, 'chat:completion', { sources: [{ source: { name: 'doc' } }] });
    applyChatEvent(m, 'chat:completion', { sources: [{ source: { name: 'other' } }] });
    applyChatEvent(m, 'chat:completion', { usage: { total_tokens: 5 } });
    applyChatEvent(m, 'chat:completion', { error: { message: 'upstream failed' } });
    expect(m.sources).toEqual([{ source: { name: 'doc' } }]);
    expect(m.usage).toEqual({ total_tokens: 5 });
    expect(m.error).toEqual({ content: 'upstream failed' });
  });

  it('handles the legacy and chat:message event names', () => {
    const m = reply();
    applyChatEvent(m, 'message', { content: 'x' });
    applyChatEvent(m, 'chat:message:delta', { content: 'y' });
    expect(m.content).toBe('xy');
    applyChatEvent(m, 'replace', { content: 'z' });
    expect(m.content).toBe('z');
    applyChatEvent(m, 'chat:message', { content: 'w' });
    expect(m.content).toBe('w');
    applyChatEvent(m, 'chat:message:error', { error: { content: 'boom' } });
    expect(m.error).toEqual({ content: 'boom' });
  });

  it('collects status, follow-ups and citations', () => {
    const m = reply();
    applyChatEvent(m, 'status', { description: 'Searching', done: false });
    applyChatEvent(m, 'status', { description: 'Done', done: true });
    applyChatEvent(m, 'chat:message:follow_ups', { follow_ups: ['More?'] });
    applyChatEvent(m, 'citation', { source: { name: 's' } });
    applyChatEvent(m, 'citation', { type: 'code_execution', id: 'c1' });
    expect(m.statusHistory?.map((s) => s.description)).toEqual(['Searching', 'Done']);
    expect(m.followUps).toEqual(['More?']);
    expect(m.sources).toEqual([{ source: { name: 's' } }]);
  });

  it('reports titles, tags, notifications and cancellation', () => {
    const m = reply();
    expect(applyChatEvent(m, 'chat:title', 'Trip plan')).toEqual({ title: 'Trip plan' });
    expect(applyChatEvent(m, 'chat:title', '')).toEqual({});
    expect(applyChatEvent(m, 'chat:tags', ['a'])).toEqual({ tags: true });
    expect(applyChatEvent(m, 'notification', { type: 'warning', content: 'Careful' })).toEqual({ notification: { type: 'warning', content: 'Careful' } });
    expect(applyChatEvent(m, 'chat:tasks:cancel', undefined)).toEqual({ done: true });
    expect(m.done).toBe(true);
    expect(applyChatEvent(m, 'something:new', {})).toEqual({});
  });

  it('records an arena pick beside the arena model, as the stock UI does', () => {
    const m = { ...reply(), model: 'arena-model' };
    applyChatEvent(m, 'chat:completion', { selected_model_id: 'gpt' });
    expect(m.model).toBe('arena-model');
    expect(m.selectedModelId).toBe('gpt');
    expect(m.arena).toBe(true);
  });
});
