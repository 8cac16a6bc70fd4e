// Smaller contract pieces for the stand-in: ratings (/api/v1/evaluations), user search and the caller's
// groups (/api/v1/users, /api/v1/groups), folder parents, knowledge update.
import { randomUUID } from 'node:crypto';

export function miscFeature({ state, need, HttpError, now, withFiles }) {
  state.feedbacks = new Map();
  const ownFeedback = (user, id) => {
    const f = state.feedbacks.get(id);
    if (!f || (f.user_id !== user.id && user.role !== 'admin')) throw new HttpError(404, 'Feedback not found');
    return f;
  };
  const checkFeedback = (body) => {
    if (body.type !== 'rating' || ![1, -1].includes(body.data?.rating)) throw new HttpError(400, 'A rating of 1 or -1 is required');
    if (!body.meta?.chat_id || !body.meta?.message_id) throw new HttpError(400, 'chat_id and message_id are required');
  };

  const routes = [
    ['POST', /^\/api\/v1\/evaluations\/feedback$/, (req, _m, body) => {
      const user = need(req, 'verified');
      checkFeedback(body);
      const f = { id: randomUUID(), user_id: user.id, version: 0, type: body.type, data: body.data, meta: body.meta, snapshot: body.snapshot ?? null, created_at: now(), updated_at: now() };
      state.feedbacks.set(f.id, f);
      return f;
    }],
    ['GET', /^\/api\/v1\/evaluations\/feedback\/([^/]+)$/, (req, m) => ownFeedback(need(req, 'verified'), m[1])],
    ['POST', /^\/api\/v1\/evaluations\/feedback\/([^/]+)$/, (req, m, body) => {
      const f = ownFeedback(need(req, 'verified'), m[1]);
      checkFeedback(body);
      Object.assign(f, { data: body.data, meta: body.meta, snapshot: body.snapshot ?? f.snapshot, updated_at: now() });
      return f;
    }],
    ['GET', /^\/api\/v1\/users\/search$/, (req, _m, _b, _r, q) => {
      need(req, 'verified');
      const text = (q.get('query') ?? '').toLowerCase();
      const users = state.users.filter((u) => u.role !== 'pending' && (u.name.toLowerCase().includes(text) || u.email.includes(text))).map((u) => ({ id: u.id, name: u.name, email: u.email, profile_image_url: u.profile_image_url }));
      return { users, total: users.length };
    }],
    ['GET', /^\/api\/v1\/groups\/?$/, (req) => {
      const user = need(req, 'verified');
      return [...state.groups.values()].filter((g) => user.role === 'admin' || g.user_ids.includes(user.id));
    }],
    ['POST', /^\/api\/v1\/folders\/([^/]+)\/update\/parent$/, (req, m, body) => {
      const user = need(req, 'verified');
      const f = state.folders.get(m[1]);
      const parent = body.parent_id ? state.folders.get(body.parent_id) : null;
      if (!f || f.user_id !== user.id || (body.parent_id && (!parent || parent.user_id !== user.id))) throw new HttpError(404, 'Folder not found');
      for (let p = parent; p; p = p.parent_id ? state.folders.get(p.parent_id) : null) if (p.id === f.id) throw new HttpError(400, 'A folder cannot move into itself');
      f.parent_id = parent?.id ?? null;
      f.updated_at = now();
      return f;
    }],
    ['POST', /^\/api\/v1\/knowledge\/([^/]+)\/update$/, (req, m, body) => {
      const user = need(req, 'verified');
      const k = state.knowledge.get(m[1]);
      if (!k || k.user_id !== user.id) throw new HttpError(404, 'Knowledge not found');
      Object.assign(k, { name: body.name ?? k.name, description: body.description ?? k.description, access_control: body.access_control === undefined ? k.access_control : body.access_control, updated_at: now() });
      return withFiles(k);
    }]
  ];
  return { routes };
}
