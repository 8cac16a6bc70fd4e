// Live editing of one note over the `ydoc:*` events (docs/channels.md, Collaborative notes): a Y.Doc holding the
// Markdown as a Y.Text, joined as document `note:<id>`, updates sent as byte arrays with the
// rendered content so the server can save it, remote updates applied as they arrive.
import * as Y from 'yjs';
import type { NoteContent } from '../api/notes';
import { applyTextChange } from './textdiff';

export interface Transport {
  emit(event: string, payload: unknown): void;
  on(event: string, handler: (payload: any) => void): () => void;
  id(): string | undefined;
}

export interface Peer {
  user_id: string;
  user_name: string;
  user_color: string;
}

export interface CollabOptions {
  noteId: string;
  user: { id: string; name: string };
  transport: Transport;
  /** The note's stored Markdown: seeds the shared document when this editor is its only session. */
  initial: string;
  render: (md: string) => NoteContent;
  /** Called with the new text after a remote change (not after local edits). */
  onRemote: (text: string) => void;
  onPeers?: (peers: Peer[]) => void;
  /** Called once the server's state has been merged (editing before that would duplicate the seed). */
  onReady?: () => void;
}

const REMOTE = 'remote';
const SEED = 'seed';
const COLORS = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2'];

/** A Yjs state of at most two bytes is an empty document (docs/channels.md, Collaborative notes). */
export const isEmptyState = (state: ArrayLike<number>) => state.length <= 2;

export class NoteCollab {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('content');
  readonly documentId: string;
  private peers = new Map<string, Peer>();
  private offs: (() => void)[] = [];
  private color: string;

  constructor(private readonly o: CollabOptions) {
    this.documentId = `note:${o.noteId}`;
    this.color = COLORS[[...o.user.id].reduce((a, c) => a + c.charCodeAt(0), 0) % COLORS.length];
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const payload: Record<string, unknown> = { document_id: this.documentId, user_id: o.user.id, socket_id: o.transport.id(), update: Array.from(update) };
      if (origin !== SEED) payload.data = { content: o.render(this.text.toString()) };
      o.transport.emit('ydoc:document:update', payload);
    });
    const mine = (p: { document_id?: string }) => p?.document_id === this.documentId;
    this.offs.push(
      o.transport.on('ydoc:document:state', (p) => mine(p) && this.receiveState(p.state, p.sessions ?? [])),
      o.transport.on('ydoc:document:update', (p) => {
        if (mine(p) && p.socket_id !== o.transport.id()) this.applyRemote(p.update);
      }),
      o.transport.on('ydoc:user:joined', (p) => {
        if (!mine(p) || p.user_id === o.user.id) return;
        this.peers.set(p.user_id, { user_id: p.user_id, user_name: p.user_name, user_color: p.user_color });
        o.onPeers?.([...this.peers.values()]);
      }),
      o.transport.on('ydoc:user:left', (p) => {
        if (mine(p) && this.peers.delete(p.user_id)) o.onPeers?.([...this.peers.values()]);
      }),
      // After a reconnect the server has forgotten this socket: join again and merge its state.
      o.transport.on('connect', () => this.join())
    );
  }

  join(): void {
    this.o.transport.emit('ydoc:document:join', { document_id: this.documentId, user_id: this.o.user.id, user_name: this.o.user.name, user_color: this.color });
  }

  /** The textarea now shows `next`: record it as a local change. */
  edit(next: string): void {
    this.doc.transact(() => applyTextChange(this.text, next));
  }

  destroy(): void {
    this.o.transport.emit('ydoc:document:leave', { document_id: this.documentId, user_id: this.o.user.id });
    this.offs.forEach((off) => off());
    this.doc.destroy();
  }

  private receiveState(state: number[], sessions: string[]): void {
    this.mergeState(state, sessions);
    this.o.onReady?.();
  }

  private mergeState(state: number[], sessions: string[]): void {
    if (isEmptyState(state ?? [])) {
      if (sessions.length <= 1 && this.o.initial && this.text.length === 0) {
        this.doc.transact(() => this.text.insert(0, this.o.initial), SEED);
        this.o.onRemote(this.text.toString());
      }
      else if (this.text.length > 0) this.o.transport.emit('ydoc:document:update', { document_id: this.documentId, user_id: this.o.user.id, socket_id: this.o.transport.id(), update: Array.from(Y.encodeStateAsUpdate(this.doc)) });
      return;
    }
    this.applyRemote(state);
  }

  private applyRemote(update: number[] | Uint8Array | ArrayBuffer): void {
    const bytes = update instanceof Uint8Array ? update : update instanceof ArrayBuffer ? new Uint8Array(update) : Uint8Array.from(update);
    const before = this.text.toString();
    Y.applyUpdate(this.doc, bytes, REMOTE);
    const after = this.text.toString();
    if (after !== before) this.o.onRemote(after);
  }
}
