// Applies channel-events (docs/channels.md, Events) to a displayed message list (pure). Lists are oldest
// first; `rootId` is null for the channel itself, or the thread root for a thread's replies.
import type { ChannelMessage } from '../api/channels';

export interface ChannelEvent {
  channel_id: string;
  message_id: string | null;
  data: { type: string; data: any };
  user?: { id: string; name: string };
}

export function applyChannelEvent(list: ChannelMessage[], event: ChannelEvent, rootId: string | null): ChannelMessage[] {
  const { type, data: message } = event.data ?? {};
  if (!message || typeof message !== 'object' || type === 'typing') return list;
  const at = list.findIndex((m) => m.id === message.id);
  switch (type) {
    case 'message':
      if (at >= 0 || (message.parent_id ?? null) !== rootId) return list;
      return [...list, message];
    case 'message:update':
    case 'message:reply':
    case 'message:reaction:add':
    case 'message:reaction:remove':
      if (at < 0) return list;
      return list.map((m, i) => (i === at ? { ...m, ...message } : m));
    case 'message:delete':
      return at < 0 ? list : list.filter((m) => m.id !== message.id);
    default:
      return list;
  }
}

/** Adds a message we posted ourselves unless its `message` event got there first. */
export function withOwn(list: ChannelMessage[], message: ChannelMessage): ChannelMessage[] {
  return list.some((m) => m.id === message.id) ? list : [...list, message];
}

export const TYPING_MS = 5000;

/** Names of the others typing in one place (channel or thread), given when each was last seen typing. */
export function typers(seen: Record<string, { name: string; at: number }>, selfId: string, now: number): string[] {
  return Object.entries(seen)
    .filter(([id, t]) => id !== selfId && now - t.at < TYPING_MS)
    .map(([, t]) => t.name)
    .sort();
}

/** Whether `userId` already reacted with `name` (the toggle removes it then). */
export const hasReacted = (m: ChannelMessage, name: string, userId: string) => !!m.reactions?.find((r) => r.name === name)?.user_ids.includes(userId);

/** Shortcodes offered as reactions and how they are shown. */
export const REACTIONS: Record<string, string> = { thumbsup: '👍', heart: '❤️', joy: '😂', tada: '🎉', eyes: '👀' };
