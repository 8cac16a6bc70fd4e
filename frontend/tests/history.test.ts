import { describe, expect, it } from 'vitest';
import { append, branch, deepestLeaf, emptyHistory, responseGroup, siblings, switchSibling, toCompletionMessages } from '../src/lib/chat/history';
import type { History, Message } from '../src/lib/types';

function msg(id: string, parentId: string | null, role: Message['role'] = 'user', content = id): Message {
  return { id, parentId, childrenIds: [], role, content, timestamp: 1 };
}

/** u1 → a1 ; u1 → a2 (regenerated) → u2 → a3 ; edited root u1b → a4 */
function tree(): History {
  const h = emptyHistory();
  append(h, msg('u1', null));
  append(h, msg('a1', 'u1', 'assistant'));
  append(h, msg('a2', 'u1', 'assistant'));
  append(h, msg('u2', 'a2'));
  append(h, msg('a3', 'u2', 'assistant'));
  append(h, msg('u1b', null));
  append(h, msg('a4', 'u1b', 'assistant'));
  return h;
}

describe('history tree', () => {
  it('append links the child to its parent and moves currentId', () => {
    const h = tree();
    expect(h.messages.u1.childrenIds).toEqual(['a1', 'a2']);
    expect(h.currentId).toBe('a4');
  });

  it('branch walks from the leaf to the root in order', () => {
    const h = tree();
    expect(branch(h, 'a3').map((m) => m.id)).toEqual(['u1', 'a2', 'u2', 'a3']);
    expect(branch(h).map((m) => m.id)).toEqual(['u1b', 'a4']);
    expect(branch(emptyHistory())).toEqual([]);
  });

  it('branch stops on a cycle instead of looping forever', () => {
    const h = tree();
    h.messages.u1.parentId = 'a3';
    expect(branch(h, 'a3').length).toBe(4);
  });

  it('siblings of a reply are its parent’s children; roots are all parentless messages', () => {
    const h = tree();
    expect(siblings(h, 'a1')).toEqual(['a1', 'a2']);
    expect(siblings(h, 'u1b')).toEqual(['u1', 'u1b']);
    expect(siblings(h, 'missing')).toEqual([]);
  });

  it('switching to a sibling shows that sibling’s newest branch', () => {
    const h = tree();
    expect(switchSibling(h, 'u1b', -1)).toBe('u1');
    expect(h.currentId).toBe('a3');
    expect(deepestLeaf(h, 'u1')).toBe('a3');
    switchSibling(h, 'a2', -1);
    expect(h.currentId).toBe('a1');
    expect(switchSibling(h, 'a1', -1)).toBeNull();
    expect(h.currentId).toBe('a1');
  });

  it('completion messages put the system prompt first and skip empty replies', () => {
    const h = tree();
    h.messages.a3.content = '';
    expect(toCompletionMessages(h, 'a3', 'Be brief')).toEqual([
      { role: 'system', content: 'Be brief' },
      { role: 'user', content: 'u1' },
      { role: 'assistant', content: 'a2' },
      { role: 'user', content: 'u2' }
    ]);
    expect(toCompletionMessages(h, 'u1', '  ')).toEqual([{ role: 'user', content: 'u1' }]);
  });

  it('a user message with images becomes text and image_url parts; documents stay out of it', () => {
    const h = tree();
    h.messages.u2.files = [
      { type: 'image', url: 'data:image/png;base64,AAAA' },
      { type: 'file', id: 'f1', name: 'notes.txt', url: '/api/v1/files/f1' },
      { type: 'image', url: 'data:image/jpeg;base64,BBBB' }
    ];
    const msgs = toCompletionMessages(h, 'u2');
    expect(msgs.at(-1)).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'u2' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
        { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,BBBB' } }
      ]
    });
    expect(msgs[0]).toEqual({ role: 'user', content: 'u1' });
  });
});

describe('responseGroup', () => {
  it('shows the newest reply of each requested model, in model order', () => {
    const h = emptyHistory();
    append(h, { ...msg('u', null), models: ['m1', 'm2'] });
    append(h, { ...msg('r1', 'u', 'assistant'), model: 'm1' });
    append(h, { ...msg('r2', 'u', 'assistant'), model: 'm2' });
    append(h, { ...msg('r1b', 'u', 'assistant'), model: 'm1' });
    append(h, { ...msg('x', 'u', 'assistant'), model: 'other' });
    expect(responseGroup(h, 'r2')).toEqual(['r1b', 'r2']);
    expect(responseGroup(h, 'missing')).toEqual([]);
  });

  it('is just the reply itself for a single-model question', () => {
    const h = tree();
    expect(responseGroup(h, 'a2')).toEqual(['a2']);
  });
});
