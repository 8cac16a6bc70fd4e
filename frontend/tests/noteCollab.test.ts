// Two editors of one note, connected through a relay that follows the server algorithm of
// the bridge (docs/channels.md, Collaborative notes: state on join, updates to the others), so the client side is tested end to end.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isEmptyState, NoteCollab, type Transport } from '../src/lib/notes/collab';
import { applyTextChange } from '../src/lib/notes/textdiff';

type Handler = (p: any) => void;

class Relay {
  updates: Uint8Array[] = [];
  sessions = new Map<string, Map<string, Set<Handler>>>();
  saved: unknown[] = [];
  seeds = 0;

  connect(sid: string): Transport {
    const handlers = new Map<string, Set<Handler>>();
    this.sessions.set(sid, handlers);
    return {
      id: () => sid,
      on: (event, handler) => {
        if (!handlers.has(event)) handlers.set(event, new Set());
        handlers.get(event)!.add(handler);
        return () => handlers.get(event)!.delete(handler);
      },
      emit: (event, payload: any) => this.receive(sid, event, payload)
    };
  }

  private send(sid: string, event: string, payload: unknown) {
    for (const h of this.sessions.get(sid)?.get(event) ?? []) h(payload);
  }

  private receive(sid: string, event: string, p: any) {
    if (event === 'ydoc:document:join') {
      const doc = new Y.Doc();
      for (const u of this.updates) Y.applyUpdate(doc, u);
      this.send(sid, 'ydoc:document:state', { document_id: p.document_id, state: Array.from(Y.encodeStateAsUpdate(doc)), sessions: [...this.sessions.keys()] });
      for (const other of this.sessions.keys()) if (other !== sid) this.send(other, 'ydoc:user:joined', { document_id: p.document_id, user_id: p.user_id, user_name: p.user_name, user_color: p.user_color });
    } else if (event === 'ydoc:document:update') {
      this.updates.push(Uint8Array.from(p.update));
      if (p.data) this.saved.push(p.data);
      else this.seeds++;
      for (const other of this.sessions.keys()) if (other !== sid) this.send(other, 'ydoc:document:update', { ...p, socket_id: sid });
    }
  }
}

function editor(relay: Relay, sid: string, userId: string, initial = '') {
  const seen = { text: '', ready: false, peers: [] as string[] };
  const collab = new NoteCollab({
    noteId: 'n1',
    user: { id: userId, name: userId.toUpperCase() },
    transport: relay.connect(sid),
    initial,
    render: (md) => ({ json: null, html: `<p>${md}</p>`, md }),
    onRemote: (t) => (seen.text = t),
    onReady: () => (seen.ready = true),
    onPeers: (p) => (seen.peers = p.map((x) => x.user_name))
  });
  collab.join();
  return { collab, seen };
}

describe('text changes', () => {
  it('applies the minimal change so text typed elsewhere survives', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'hello world');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyTextChange(a.getText('t'), 'hello brave world');
    applyTextChange(b.getText('t'), 'hello world!');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('hello brave world!');
    expect(b.getText('t').toString()).toBe('hello brave world!');
  });

  it('handles repeated characters, deletion to empty and no-ops', () => {
    const t = new Y.Doc().getText('t');
    applyTextChange(t, 'aaa');
    applyTextChange(t, 'aaaa');
    expect(t.toString()).toBe('aaaa');
    applyTextChange(t, '');
    expect(t.toString()).toBe('');
    applyTextChange(t, '');
    expect(t.toString()).toBe('');
  });
});

describe('note collaboration over ydoc events', () => {
  it('the only editor seeds an empty document from the stored note, without a save', () => {
    const relay = new Relay();
    const a = editor(relay, 's1', 'ada', 'stored text');
    expect(a.seen.ready).toBe(true);
    expect(a.collab.text.toString()).toBe('stored text');
    expect(relay.seeds).toBe(1);
    expect(relay.saved).toEqual([]);
  });

  it('a second editor gets the state, sees edits live, and each edit carries the content to save', () => {
    const relay = new Relay();
    const a = editor(relay, 's1', 'ada', 'one');
    const b = editor(relay, 's2', 'bob', 'one');
    expect(relay.seeds).toBe(1);
    expect(b.collab.text.toString()).toBe('one');
    expect(a.seen.peers).toEqual(['BOB']);
    b.collab.edit('one two');
    expect(a.seen.text).toBe('one two');
    a.collab.edit('zero one two');
    expect(b.seen.text).toBe('zero one two');
    expect(relay.saved.at(-1)).toEqual({ content: { json: null, html: '<p>zero one two</p>', md: 'zero one two' } });
  });

  it('ignores events for other documents and stops listening when destroyed', () => {
    const relay = new Relay();
    const a = editor(relay, 's1', 'ada');
    const b = editor(relay, 's2', 'bob');
    const intruder = new Y.Doc();
    intruder.getText('content').insert(0, 'intruder');
    relay.connect('s3').emit('ydoc:document:update', { document_id: 'note:other', update: Array.from(Y.encodeStateAsUpdate(intruder)) });
    expect(a.collab.text.toString()).toBe('');
    a.collab.destroy();
    b.collab.edit('after');
    expect(a.seen.text).toBe('');
  });

  it('recognises the empty state', () => {
    expect(isEmptyState(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    const d = new Y.Doc();
    d.getText('x').insert(0, 'x');
    expect(isEmptyState(Y.encodeStateAsUpdate(d))).toBe(false);
  });
});
