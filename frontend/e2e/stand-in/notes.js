// Notes (/api/v1/notes) and the Yjs document relay (docs/channels.md, Collaborative notes) for the stand-in.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';

export function notesFeature({ state, need, HttpError, allowed, nowNs, userOf, io }) {
  state.notes = new Map();
  state.ydocs = new Map(); // document id -> { updates: Uint8Array[], sids: Set }
  const saves = new Map();

  const withUser = (n) => ({ ...n, user: (({ id, name, email }) => ({ id, name, email }))(state.users.find((u) => u.id === n.user_id) ?? {}) });
  const readable = (user, id) => {
    const n = state.notes.get(id);
    if (!n || !allowed(user, n, 'read')) throw new HttpError(404, 'Note not found');
    return n;
  };
  const writable = (user, id) => {
    const n = readable(user, id);
    if (!allowed(user, n, 'write')) throw new HttpError(403, 'You do not have permission to edit this note');
    return n;
  };

  const routes = [
    ['GET', /^\/api\/v1\/notes\/?$/, (req) => {
      const user = need(req, 'verified');
      return [...state.notes.values()].filter((n) => allowed(user, n, 'read')).map(withUser);
    }],
    ['POST', /^\/api\/v1\/notes\/create$/, (req, _m, body) => {
      const user = need(req, 'verified');
      if (typeof body.title !== 'string') throw new HttpError(422, 'title is required');
      const n = { id: randomUUID(), user_id: user.id, title: body.title, data: body.data ?? null, meta: body.meta ?? null, access_control: body.access_control === undefined ? {} : body.access_control, created_at: nowNs(), updated_at: nowNs() };
      state.notes.set(n.id, n);
      return n;
    }],
    ['GET', /^\/api\/v1\/notes\/([^/]+)$/, (req, m) => readable(need(req, 'verified'), m[1])],
    ['POST', /^\/api\/v1\/notes\/([^/]+)\/update$/, (req, m, body) => {
      const user = need(req, 'verified');
      const n = writable(user, m[1]);
      // Only the owner may change who has access.
      const access = n.user_id === user.id || user.role === 'admin' ? body.access_control : n.access_control;
      Object.assign(n, { title: body.title ?? n.title, data: body.data ?? n.data, meta: body.meta ?? n.meta, access_control: access === undefined ? n.access_control : access, updated_at: nowNs() });
      io().to(`note:${n.id}`).emit('note-events', n);
      return n;
    }],
    // The text file-service extracted (Enhance sends it as context).
    ['GET', /^\/api\/v1\/files\/([^/]+)\/data\/content$/, (req, m) => {
      const user = need(req, 'verified');
      const f = state.files.get(m[1]);
      if (!f || f.user_id !== user.id) throw new HttpError(404, 'File not found');
      return { content: `Extracted text of ${f.filename}` };
    }],
    ['DELETE', /^\/api\/v1\/notes\/([^/]+)\/delete$/, (req, m) => {
      const n = writable(need(req, 'verified'), m[1]);
      state.notes.delete(n.id);
      return true;
    }]
  ];

  const docOf = (id) => {
    if (!state.ydocs.has(id)) state.ydocs.set(id, { updates: [], sids: new Set() });
    return state.ydocs.get(id);
  };
  const bytes = (u) => (u instanceof Uint8Array ? u : Buffer.isBuffer(u) ? new Uint8Array(u) : Uint8Array.from(u ?? []));
  const noteOf = (documentId) => state.notes.get(String(documentId ?? '').replace(/^note:/, ''));

  function leave(socket, documentId) {
    const doc = state.ydocs.get(documentId);
    if (!doc?.sids.delete(socket.id)) return;
    socket.leave(`doc_${documentId}`);
    io().to(`doc_${documentId}`).emit('ydoc:user:left', { document_id: documentId, user_id: userOf(socket)?.id });
    if (doc.sids.size === 0) state.ydocs.delete(documentId);
  }

  function onConnection(socket) {
    socket.on('join-note', (p) => {
      const user = userOf(socket);
      const n = state.notes.get(p?.note_id);
      if (user && n && allowed(user, n, 'read')) socket.join(`note:${n.id}`);
    });
    socket.on('ydoc:document:join', (p) => {
      const user = userOf(socket);
      const n = noteOf(p?.document_id);
      if (!user || !n || !allowed(user, n, 'read')) return socket.emit('error', { message: 'Failed to join document' });
      const id = p.document_id;
      const doc = docOf(id);
      doc.sids.add(socket.id);
      socket.join(`doc_${id}`);
      const ydoc = new Y.Doc();
      for (const u of doc.updates) Y.applyUpdate(ydoc, u);
      socket.emit('ydoc:document:state', { document_id: id, state: Array.from(Y.encodeStateAsUpdate(ydoc)), sessions: [...doc.sids] });
      socket.to(`doc_${id}`).emit('ydoc:user:joined', { document_id: id, user_id: p.user_id, user_name: p.user_name, user_color: p.user_color });
    });
    socket.on('ydoc:document:update', (p) => {
      const user = userOf(socket);
      const n = noteOf(p?.document_id);
      const doc = state.ydocs.get(p?.document_id);
      if (!user || !n || !doc?.sids.has(socket.id) || !allowed(user, n, 'write')) return;
      doc.updates.push(bytes(p.update));
      socket.to(`doc_${p.document_id}`).emit('ydoc:document:update', { document_id: p.document_id, user_id: p.user_id, update: p.update, socket_id: socket.id });
      if (!p.data) return;
      clearTimeout(saves.get(p.document_id));
      saves.set(p.document_id, setTimeout(() => {
        n.data = { ...(n.data ?? {}), ...p.data };
        n.updated_at = nowNs();
      }, 500));
    });
    socket.on('ydoc:awareness:update', (p) => {
      if (state.ydocs.get(p?.document_id)?.sids.has(socket.id)) socket.to(`doc_${p.document_id}`).emit('ydoc:awareness:update', p);
    });
    socket.on('ydoc:document:leave', (p) => leave(socket, p?.document_id));
    socket.on('disconnect', () => {
      for (const id of [...state.ydocs.keys()]) leave(socket, id);
    });
  }

  // The last <tag> block of a text (a prompt may name the tags before the blocks).
  const tagged = (tag, text) => new RegExp(`<${tag}>\\n?([\\s\\S]*?)\\n?</${tag}>`).exec(text.slice(Math.max(0, text.lastIndexOf(`<${tag}>`))))?.[1];

  /**
   * The note chat's answers (its system message carries the note): in edit mode the note under a
   * heading naming the instruction (a selection alone: that part in capitals), else a sentence quoting the question and the note's first line.
   */
  function chatAnswer(system, asked) {
    const notes = tagged('notes', system);
    const selection = tagged('selection', system);
    if (selection !== undefined && /new text of that part only/.test(system)) return selection.toUpperCase();
    if (/whole edited notes only/.test(system)) return `# Edited: ${asked}\n\n${notes}`;
    return `You asked **${asked}**. The note begins with: ${notes.split('\n')[0]}`;
  }

  /**
   * A completion without a socket session (the SSE mode of docs/completions.md), as Enhance sends it:
   * OpenAI chunks, a few words at a time, then [DONE]. The answer turns the note into a checklist,
   * or answers the note chat. Slow when the note or the question says "slowly".
   */
  function streamCompletion(user, body, res) {
    state.sseCompletions = [...(state.sseCompletions ?? []), body];
    const asked = String([...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '');
    const system = String(body.messages?.find((m) => m.role === 'system')?.content ?? '');
    const notes = tagged('notes', asked) ?? asked;
    const context = tagged('context', asked);
    const lines = notes.split('\n').map((l) => l.replace(/^[-*] (\[[ x]\] )?/, '').trim()).filter(Boolean);
    const answer = tagged('notes', system) !== undefined ? chatAnswer(system, asked) : `## Enhanced\n\n${lines.map((l) => `- [ ] ${l}`).join('\n')}${context ? `\n\nContext: ${context.split('\n')[0]}` : ''}`;
    const pieces = answer.split(/(?<=\s)/);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.socket?.setNoDelay(true);
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      const piece = pieces.slice(i, i + 2).join('');
      i += 2;
      res.write(`data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', model: body.model, choices: [{ index: 0, delta: { content: piece } }] })}\n\n`);
      if (i >= pieces.length) {
        clearInterval(timer);
        res.end('data: [DONE]\n\n');
      }
    }, asked.includes('slowly') ? 300 : 40);
    res.on('close', () => clearInterval(timer));
  }

  /** "Generate title": a completion without streaming whose prompt asks for a title as JSON; answers one with the note's first word. */
  const asksTitle = (body) => body.stream === false && /<notes>/.test(String(body.messages?.[0]?.content ?? '')) && /"title"/.test(String(body.messages?.[0]?.content ?? ''));
  function titleCompletion(body) {
    state.titleCompletions = [...(state.titleCompletions ?? []), body];
    const notes = tagged('notes', body.messages[0].content);
    const word = notes.replace(/[^\p{L}\s]/gu, ' ').trim().split(/\s+/)[0] || 'Empty';
    const content = `Here it is:\n\`\`\`json\n{"title": "📝 ${word} notes"}\n\`\`\``;
    return { id: 'title', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] };
  }

  return { routes, onConnection, streamCompletion, asksTitle, titleCompletion };
}
