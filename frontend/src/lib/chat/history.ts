// The chat history tree of the chat JSON blob (docs/contract.md, Wire shapes): messages keyed by id, linked by
// parentId/childrenIds; `currentId` is the leaf of the branch on screen.
import type { History, Message } from '../types';

export function emptyHistory(): History {
  return { currentId: null, messages: {} };
}

/** The messages from the root down to `leafId` (default: the current branch). */
export function branch(history: History, leafId: string | null = history.currentId): Message[] {
  const out: Message[] = [];
  const seen = new Set<string>();
  let id = leafId;
  while (id && history.messages[id] && !seen.has(id)) {
    seen.add(id);
    out.push(history.messages[id]);
    id = history.messages[id].parentId;
  }
  return out.reverse();
}

/** Inserts `message` under its parent and makes it the current leaf. */
export function append(history: History, message: Message): void {
  history.messages[message.id] = message;
  const parent = message.parentId ? history.messages[message.parentId] : undefined;
  if (parent && !parent.childrenIds.includes(message.id)) parent.childrenIds = [...parent.childrenIds, message.id];
  history.currentId = message.id;
}

/** Ids of the message and its siblings, in creation order (roots have no parent). */
export function siblings(history: History, id: string): string[] {
  const message = history.messages[id];
  if (!message) return [];
  if (message.parentId) return history.messages[message.parentId]?.childrenIds ?? [id];
  return Object.values(history.messages)
    .filter((m) => m.parentId === null)
    .map((m) => m.id);
}

/** Follows the newest child down to a leaf. */
export function deepestLeaf(history: History, id: string): string {
  let current = id;
  const seen = new Set<string>();
  while (!seen.has(current)) {
    seen.add(current);
    const children = history.messages[current]?.childrenIds ?? [];
    if (children.length === 0) break;
    current = children[children.length - 1];
  }
  return current;
}

/** Moves to the sibling `offset` steps away from `id` (e.g. -1 / +1) and shows its newest branch. */
export function switchSibling(history: History, id: string, offset: number): string | null {
  const list = siblings(history, id);
  const target = list[list.indexOf(id) + offset];
  if (!target) return null;
  history.currentId = deepestLeaf(history, target);
  return target;
}

/** OpenAI-format messages for a completion request: optional system prompt, then the branch. */
export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** Images attached to a user message (FileItems of type `image` with a data or file URL). */
export function imagesOf(m: Message): string[] {
  return (m.files ?? []).flatMap((f) => {
    const item = f as { type?: string; url?: string };
    return item.type === 'image' && item.url ? [item.url] : [];
  });
}

/**
 * The branch ending at `leafId` as completion messages. A user message with images becomes a
 * list of parts (its text, then one `image_url` per image) for vision models.
 */
export function toCompletionMessages(history: History, leafId: string, system?: string): { role: string; content: string | ContentPart[] }[] {
  const msgs = branch(history, leafId)
    .filter((m) => m.role !== 'assistant' || m.content !== '')
    .map((m) => {
      const images = m.role === 'user' ? imagesOf(m) : [];
      if (!images.length) return { role: m.role, content: m.content };
      const parts: ContentPart[] = [{ type: 'text', text: m.content }, ...images.map((url) => ({ type: 'image_url' as const, image_url: { url } }))];
      return { role: m.role, content: parts };
    });
  return system?.trim() ? [{ role: 'system', content: system }, ...msgs] : msgs;
}

/**
 * The replies shown side by side for `assistantId`: when its user message asked several models,
 * the newest reply of each of those models (in the user message's model order); else just itself.
 */
export function responseGroup(history: History, assistantId: string): string[] {
  const reply = history.messages[assistantId];
  const parent = reply?.parentId ? history.messages[reply.parentId] : undefined;
  const models = parent?.models ?? [];
  if (!parent || models.length < 2) return reply ? [assistantId] : [];
  const latest = new Map<string, string>();
  for (const id of parent.childrenIds) {
    const child = history.messages[id];
    if (child?.model && models.includes(child.model)) latest.set(child.model, id);
  }
  return models.map((m) => latest.get(m)).filter((id): id is string => !!id);
}

/**
 * Deletes a message and its direct replies, as the stock UI does: the replies' own children move
 * up to the deleted message's parent, and the view moves to the parent's newest branch.
 */
export function removeMessage(history: History, id: string): void {
  const target = history.messages[id];
  if (!target) return;
  const parentId = target.parentId;
  const children = target.childrenIds ?? [];
  const grandchildren = children.flatMap((c) => history.messages[c]?.childrenIds ?? []);
  const parent = parentId ? history.messages[parentId] : undefined;
  if (parent) parent.childrenIds = [...parent.childrenIds.filter((c) => c !== id), ...grandchildren];
  for (const g of grandchildren) if (history.messages[g]) history.messages[g].parentId = parentId;
  for (const gone of [id, ...children]) delete history.messages[gone];
  if (parent) history.currentId = deepestLeaf(history, parent.id);
  else {
    const roots = Object.values(history.messages).filter((m) => m.parentId === null);
    history.currentId = roots.length ? deepestLeaf(history, roots[roots.length - 1].id) : null;
  }
}
