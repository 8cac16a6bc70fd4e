// Channels (/api/v1/channels) and their channel-events (docs/channels.md, Events) for the stand-in.
import { randomUUID } from 'node:crypto';

export function channelsFeature({ state, need, HttpError, allowed, nowNs, userOf, io, STREAMED }) {
  state.channels = new Map();
  state.channelMessages = new Map();

  const brief = (u) => (u ? { id: u.id, name: u.name, role: u.role, profile_image_url: u.profile_image_url } : null);
  const readable = (user, id) => {
    const c = state.channels.get(id);
    if (!c || !allowed(user, c, 'read', true)) throw new HttpError(404, 'Channel not found');
    return c;
  };
  const full = (m) => {
    const replies = [...state.channelMessages.values()].filter((r) => r.parent_id === m.id);
    return {
      ...m,
      user: brief(state.users.find((u) => u.id === m.user_id)),
      reply_count: replies.length,
      latest_reply_at: replies.length ? Math.max(...replies.map((r) => r.created_at)) : null,
      reactions: m.reactions.filter((r) => r.user_ids.length).map((r) => ({ ...r, count: r.user_ids.length }))
    };
  };
  const messageOf = (channel, id) => {
    const m = state.channelMessages.get(id);
    if (!m || m.channel_id !== channel.id) throw new HttpError(404, 'Message not found');
    return m;
  };
  const emit = (channel, user, type, data, messageId = data?.id ?? null) =>
    io().to(`channel:${channel.id}`).emit('channel-events', { channel_id: channel.id, message_id: messageId, data: { type, data }, user: brief(user), channel });
  const form = (body) => {
    const name = String(body.name ?? '').trim().toLowerCase();
    if (!name) throw new HttpError(400, 'Channel name is required');
    return { name, description: body.description ?? null, data: body.data ?? null, meta: body.meta ?? null, access_control: body.access_control === undefined ? null : body.access_control };
  };
  const joinReadable = (socket) => {
    const user = userOf(socket);
    if (user) for (const c of state.channels.values()) if (allowed(user, c, 'read', true)) socket.join(`channel:${c.id}`);
  };

  const routes = [
    ['GET', /^\/api\/v1\/channels\/?$/, (req) => {
      const user = need(req, 'verified');
      if (!state.authConfig.ENABLE_CHANNELS) return [];
      return [...state.channels.values()].filter((c) => allowed(user, c, 'read', true));
    }],
    ['POST', /^\/api\/v1\/channels\/create$/, (req, _m, body) => {
      const user = need(req, 'admin');
      const c = { id: randomUUID(), user_id: user.id, type: null, ...form(body), created_at: nowNs(), updated_at: nowNs() };
      state.channels.set(c.id, c);
      for (const [sid] of io().sockets.sockets) joinReadable(io().sockets.sockets.get(sid));
      return c;
    }],
    ['GET', /^\/api\/v1\/channels\/([^/]+)$/, (req, m) => readable(need(req, 'verified'), m[1])],
    ['POST', /^\/api\/v1\/channels\/([^/]+)\/update$/, (req, m, body) => {
      need(req, 'admin');
      const c = state.channels.get(m[1]);
      if (!c) throw new HttpError(404, 'Channel not found');
      Object.assign(c, form(body), { updated_at: nowNs() });
      return c;
    }],
    ['DELETE', /^\/api\/v1\/channels\/([^/]+)\/delete$/, (req, m) => {
      need(req, 'admin');
      if (!state.channels.delete(m[1])) throw new HttpError(404, 'Channel not found');
      return true;
    }],
    ['GET', /^\/api\/v1\/channels\/([^/]+)\/messages$/, (req, m, _b, _r, q) => {
      const c = readable(need(req, 'verified'), m[1]);
      const skip = Number(q.get('skip') ?? 0);
      const limit = Number(q.get('limit') ?? 50);
      return [...state.channelMessages.values()].filter((x) => x.channel_id === c.id && !x.parent_id).sort((a, b) => b.created_at - a.created_at).slice(skip, skip + limit).map(full);
    }],
    ['GET', /^\/api\/v1\/files\/([^/]+)\/content$/, (req, m, _b, res) => {
      const user = need(req, 'verified');
      const f = state.files.get(m[1]);
      const shared = (msg) => msg.user_id === f.user_id && (msg.data?.files ?? []).some((x) => x.id === f.id) && allowed(user, state.channels.get(msg.channel_id), 'read', true);
      if (!f || (f.user_id !== user.id && user.role !== 'admin' && ![...state.channelMessages.values()].some(shared))) throw new HttpError(404, 'File not found');
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(f.text ?? '');
      return STREAMED;
    }],
    ['POST', /^\/api\/v1\/channels\/([^/]+)\/messages\/post$/, (req, m, body) => {
      const user = need(req, 'verified');
      const c = readable(user, m[1]);
      const files = body.data?.files ?? [];
      if (!String(body.content ?? '').trim() && !files.length) throw new HttpError(400, "'content' is required");
      // As api-service: an uploaded file in data.files must be the author's own.
      for (const f of files) if (f.id && state.files.get(f.id)?.user_id !== user.id) throw new HttpError(403, `File ${f.id} is not a file of the message's author`);
      const parent = body.parent_id ? messageOf(c, body.parent_id) : null;
      const msg = { id: randomUUID(), user_id: user.id, channel_id: c.id, reply_to_id: body.reply_to_id ?? null, parent_id: parent?.id ?? null, content: body.content, data: body.data ?? {}, meta: body.meta ?? {}, reactions: [], created_at: nowNs(), updated_at: nowNs() };
      state.channelMessages.set(msg.id, msg);
      emit(c, user, 'message', full(msg));
      if (parent) emit(c, user, 'message:reply', full(parent));
      return full(msg);
    }],
    ['GET', /^\/api\/v1\/channels\/([^/]+)\/messages\/([^/]+)\/thread$/, (req, m, _b, _r, q) => {
      const c = readable(need(req, 'verified'), m[1]);
      const root = messageOf(c, m[2]);
      const skip = Number(q.get('skip') ?? 0);
      const limit = Number(q.get('limit') ?? 50);
      return [...state.channelMessages.values()].filter((x) => x.parent_id === root.id).sort((a, b) => b.created_at - a.created_at).slice(skip, skip + limit).map(full);
    }],
    ['POST', /^\/api\/v1\/channels\/([^/]+)\/messages\/([^/]+)\/update$/, (req, m, body) => {
      const user = need(req, 'verified');
      const c = readable(user, m[1]);
      const msg = messageOf(c, m[2]);
      if (msg.user_id !== user.id && user.role !== 'admin') throw new HttpError(403, 'Only the author may edit');
      Object.assign(msg, { content: body.content, updated_at: nowNs() });
      emit(c, user, 'message:update', full(msg));
      return full(msg);
    }],
    ['DELETE', /^\/api\/v1\/channels\/([^/]+)\/messages\/([^/]+)\/delete$/, (req, m) => {
      const user = need(req, 'verified');
      const c = readable(user, m[1]);
      const msg = messageOf(c, m[2]);
      if (msg.user_id !== user.id && user.role !== 'admin') throw new HttpError(403, 'Only the author may delete');
      const before = full(msg);
      state.channelMessages.delete(msg.id);
      emit(c, user, 'message:delete', before);
      if (msg.parent_id) emit(c, user, 'message:reply', full(state.channelMessages.get(msg.parent_id)));
      return true;
    }],
    ['POST', /^\/api\/v1\/channels\/([^/]+)\/messages\/([^/]+)\/reactions\/(add|remove)$/, (req, m, body) => {
      const user = need(req, 'verified');
      const c = readable(user, m[1]);
      const msg = messageOf(c, m[2]);
      const name = String(body.name ?? '');
      if (!name) throw new HttpError(400, 'Reaction name is required');
      let r = msg.reactions.find((x) => x.name === name);
      if (!r) msg.reactions.push((r = { name, user_ids: [] }));
      r.user_ids = m[3] === 'add' ? [...new Set([...r.user_ids, user.id])] : r.user_ids.filter((id) => id !== user.id);
      emit(c, user, `message:reaction:${m[3]}`, { ...full(msg), name });
      return true;
    }]
  ];

  function onConnection(socket) {
    socket.on('user-join', () => joinReadable(socket));
    socket.on('join-channels', () => joinReadable(socket));
    socket.on('channel-events', (p) => {
      const user = userOf(socket);
      if (!user || p?.data?.type !== 'typing' || !socket.rooms.has(`channel:${p.channel_id}`)) return;
      io().to(`channel:${p.channel_id}`).emit('channel-events', { channel_id: p.channel_id, message_id: p.message_id ?? null, data: { type: 'typing', data: { typing: true } }, user: brief(user) });
    });
  }

  return { routes, onConnection };
}
