// Channels (/api/v1/channels). Timestamps are nanoseconds; new messages arrive only as channel-events.
import type { AccessControl } from '../access';
import { del, get, post } from './http';

export interface Channel {
  id: string;
  user_id: string;
  name: string;
  description: string | null;
  data: unknown;
  meta: unknown;
  access_control: AccessControl;
  created_at: number;
  updated_at: number;
  /** Only on GET /channels/{id}: whether the caller may post. */
  write_access?: boolean;
}

export interface Reaction {
  name: string;
  user_ids: string[];
  count: number;
}

export interface ChannelMessage {
  id: string;
  user_id: string;
  channel_id: string;
  parent_id: string | null;
  reply_to_id?: string | null;
  content: string;
  data: { files?: ChannelFile[] } | null;
  meta: unknown;
  created_at: number;
  updated_at: number;
  user?: { id: string; name: string; profile_image_url?: string };
  reply_count?: number;
  latest_reply_at?: number | null;
  reactions?: Reaction[];
}

/** A file of a message's `data.files`: an image as a data URL, or a file-service upload. */
export interface ChannelFile {
  type: string;
  id?: string;
  url?: string;
  name?: string;
  size?: number;
}

export interface ChannelForm {
  name: string;
  description?: string;
  access_control: AccessControl;
}

const base = '/api/v1/channels';
const ch = (id: string) => `${base}/${encodeURIComponent(id)}`;
const msg = (id: string, messageId: string) => `${ch(id)}/messages/${encodeURIComponent(messageId)}`;

export const channels = {
  list: () => get<Channel[]>(`${base}/`),
  create: (form: ChannelForm) => post<Channel>(`${base}/create`, form),
  get: (id: string) => get<Channel>(ch(id)),
  update: (id: string, form: ChannelForm) => post<Channel>(`${ch(id)}/update`, form),
  remove: (id: string) => del<boolean>(`${ch(id)}/delete`),
  messages: (id: string, skip = 0, limit = 50) => get<ChannelMessage[]>(`${ch(id)}/messages`, { query: { skip, limit } }),
  thread: (id: string, messageId: string, skip = 0, limit = 50) => get<ChannelMessage[]>(`${msg(id, messageId)}/thread`, { query: { skip, limit } }),
  post: (id: string, content: string, parent_id: string | null, data: { files?: Record<string, unknown>[] } = {}) =>
    post<ChannelMessage>(`${ch(id)}/messages/post`, { content, data, parent_id }),
  edit: (id: string, messageId: string, content: string) => post<ChannelMessage>(`${msg(id, messageId)}/update`, { content }),
  deleteMessage: (id: string, messageId: string) => del<boolean>(`${msg(id, messageId)}/delete`),
  react: (id: string, messageId: string, name: string, add: boolean) => post<boolean>(`${msg(id, messageId)}/reactions/${add ? 'add' : 'remove'}`, { name })
};
