import { del, get, post } from './http';
import type { Chat, ChatBlob, ChatListItem, Folder, Tag } from '../types';

/** One chat for `POST /api/v1/chats/import` (the shape of an exported chat). */
export interface ChatImport {
  chat: Partial<ChatBlob>;
  meta: Record<string, unknown>;
  pinned: boolean;
  folder_id: string | null;
  created_at: number | null;
  updated_at: number | null;
}

const base = '/api/v1/chats';

/** Every item of a paged chat list (pages of the list until an empty one, at most 100). */
export async function allPages(page: (n: number) => Promise<ChatListItem[]>): Promise<ChatListItem[]> {
  const all: ChatListItem[] = [];
  for (let n = 1; n <= 100; n++) {
    const batch = await page(n);
    if (batch.length === 0) break;
    all.push(...batch);
  }
  return all;
}

export const chats = {
  list: (page: number) => get<ChatListItem[]>(`${base}/`, { query: { page } }),
  pinned: () => get<ChatListItem[]>(`${base}/pinned`),
  search: (text: string, page: number) => get<ChatListItem[]>(`${base}/search`, { query: { text, page } }),
  archived: (page: number) => get<ChatListItem[]>(`${base}/archived`, { query: { page } }),
  get: (id: string) => get<Chat>(`${base}/${encodeURIComponent(id)}`),
  create: (chat: ChatBlob, folder_id: string | null) => post<Chat>(`${base}/new`, { chat, folder_id }),
  update: (id: string, chat: Partial<ChatBlob>) => post<Chat>(`${base}/${encodeURIComponent(id)}`, { chat }),
  remove: (id: string) => del<boolean>(`${base}/${encodeURIComponent(id)}`),
  togglePin: (id: string) => post<Chat>(`${base}/${encodeURIComponent(id)}/pin`),
  toggleArchive: (id: string) => post<Chat>(`${base}/${encodeURIComponent(id)}/archive`),
  moveToFolder: (id: string, folder_id: string | null) => post<Chat>(`${base}/${encodeURIComponent(id)}/folder`, { folder_id }),
  tags: (id: string) => get<Tag[]>(`${base}/${encodeURIComponent(id)}/tags`),
  addTag: (id: string, name: string) => post<Tag[]>(`${base}/${encodeURIComponent(id)}/tags`, { name }),
  removeTag: (id: string, name: string) => del<Tag[]>(`${base}/${encodeURIComponent(id)}/tags`, { name }),
  share: (id: string) => post<Chat>(`${base}/${encodeURIComponent(id)}/share`),
  unshare: (id: string) => del<boolean | null>(`${base}/${encodeURIComponent(id)}/share`),
  clone: (id: string) => post<Chat>(`${base}/${encodeURIComponent(id)}/clone`, {}),
  all: () => get<Chat[]>(`${base}/all`),
  archiveAll: () => post<boolean>(`${base}/archive/all`),
  removeAll: () => del<boolean>(`${base}/`),
  importChat: (body: ChatImport) => post<Chat>(`${base}/import`, body),
  shared: (shareId: string) => get<Chat>(`${base}/share/${encodeURIComponent(shareId)}`),
  cloneShared: (shareId: string) => post<Chat>(`${base}/${encodeURIComponent(shareId)}/clone/shared`),
  folderList: (folderId: string, page: number) => get<ChatListItem[]>(`${base}/folder/${encodeURIComponent(folderId)}/list`, { query: { page } })
};

const folderBase = '/api/v1/folders';

export const folders = {
  list: () => get<Folder[]>(`${folderBase}/`),
  create: (name: string) => post<Folder>(`${folderBase}/`, { name }),
  rename: (id: string, name: string) => post<Folder>(`${folderBase}/${encodeURIComponent(id)}/update`, { name }),
  setParent: (id: string, parent_id: string | null) => post<Folder>(`${folderBase}/${encodeURIComponent(id)}/update/parent`, { parent_id }),
  setExpanded: (id: string, is_expanded: boolean) => post<Folder>(`${folderBase}/${encodeURIComponent(id)}/update/expanded`, { is_expanded }),
  remove: (id: string) => del<boolean>(`${folderBase}/${encodeURIComponent(id)}`)
};
