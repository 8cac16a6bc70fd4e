// Memories for the stand-in: /api/v1/memories (list, add, update, delete one, delete all of a user).
import { randomUUID } from 'node:crypto';

export function memoriesFeature({ state, need, HttpError, now }) {
  state.memories = new Map();
  const own = (user, id) => {
    const m = state.memories.get(id);
    if (!m || m.user_id !== user.id) throw new HttpError(404, 'Memory not found');
    return m;
  };
  const routes = [
    ['GET', /^\/api\/v1\/memories\/$/, (req) => {
      const user = need(req, 'verified');
      return [...state.memories.values()].filter((m) => m.user_id === user.id);
    }],
    ['POST', /^\/api\/v1\/memories\/add$/, (req, _m, body) => {
      const user = need(req, 'verified');
      if (!String(body.content ?? '').trim()) throw new HttpError(400, 'content is required');
      const m = { id: randomUUID(), user_id: user.id, content: body.content, created_at: now(), updated_at: now() };
      state.memories.set(m.id, m);
      return m;
    }],
    ['DELETE', /^\/api\/v1\/memories\/delete\/user$/, (req) => {
      const user = need(req, 'verified');
      for (const m of [...state.memories.values()]) if (m.user_id === user.id) state.memories.delete(m.id);
      return true;
    }],
    ['POST', /^\/api\/v1\/memories\/([^/]+)\/update$/, (req, m, body) => Object.assign(own(need(req, 'verified'), m[1]), { content: body.content, updated_at: now() })],
    ['DELETE', /^\/api\/v1\/memories\/([^/]+)$/, (req, m) => state.memories.delete(own(need(req, 'verified'), m[1]).id)]
  ];
  return { routes };
}
