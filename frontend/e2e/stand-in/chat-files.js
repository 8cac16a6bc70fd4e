// Chats in and out for the stand-in (/api/v1/chats): export all, import, clone, revoke a share link,
// archive all, delete all.
import { randomUUID } from 'node:crypto';

export function chatFilesFeature({ state, need, HttpError, now, ownChat }) {
  function store(user, blob, { title, meta = {}, pinned = false, folder_id = null, created_at = null, updated_at = null }) {
    const id = randomUUID();
    const chat = { id, user_id: user.id, title: title || blob.title || 'New Chat', chat: { ...blob, id }, created_at: created_at ?? now(), updated_at: updated_at ?? now(), share_id: null, archived: false, pinned: !!pinned, meta, folder_id };
    state.chats.set(id, chat);
    return chat;
  }

  const routes = [
    ['GET', /^\/api\/v1\/chats\/all$/, (req) => {
      const user = need(req, 'verified');
      return [...state.chats.values()].filter((c) => c.user_id === user.id);
    }],
    ['POST', /^\/api\/v1\/chats\/archive\/all$/, (req) => {
      const user = need(req, 'verified');
      for (const c of state.chats.values()) if (c.user_id === user.id) c.archived = true;
      return true;
    }],
    ['DELETE', /^\/api\/v1\/chats\/$/, (req) => {
      const user = need(req, 'verified');
      for (const c of [...state.chats.values()]) if (c.user_id === user.id) state.chats.delete(c.id);
      return true;
    }],
    ['POST', /^\/api\/v1\/chats\/import$/, (req, _m, body) => {
      const user = need(req, 'verified');
      if (!body.chat || typeof body.chat !== 'object') throw new HttpError(400, 'chat is required');
      return store(user, body.chat, { ...body, title: body.chat.title });
    }],
    ['POST', /^\/api\/v1\/chats\/([^/]+)\/clone$/, (req, m, body) => {
      const user = need(req, 'verified');
      const c = ownChat(user, m[1]);
      const title = body.title || `Clone of ${c.title}`;
      return store(user, { ...structuredClone(c.chat), title, originalChatId: c.id, branchPointMessageId: c.chat.history?.currentId ?? null }, { title, meta: c.meta, pinned: c.pinned, folder_id: c.folder_id });
    }],
    ['DELETE', /^\/api\/v1\/chats\/([^/]+)\/share$/, (req, m) => {
      const c = ownChat(need(req, 'verified'), m[1]);
      if (!c.share_id) return false;
      state.shares.delete(c.share_id);
      c.share_id = null;
      return true;
    }]
  ];
  return { routes };
}
