// Sidebar lists (docs/contract.md, Startup sequence): pinned, folders, and the paged main list (page=N until empty).
import { chats, folders as foldersApi } from './api/chats';
import type { ChatListItem, Folder } from './types';

export const sidebar = $state({
  pinned: [] as ChatListItem[],
  folders: [] as Folder[],
  folderChats: {} as Record<string, ChatListItem[]>,
  items: [] as ChatListItem[],
  page: 0,
  exhausted: false,
  loading: false,
  query: ''
});

let generation = 0;

// Titles set here (a chat:title event, a rename) in the order they came. A list request that left
// before such a change may answer with the old title after it: such a list gets the newer ones.
// One entry per chat; an entry older than a request is never applied to its answer.
const renames = new Map<string, { title: string; seq: number }>();
let renameSeq = 0;

function withNewerTitles(list: ChatListItem[], since: number): ChatListItem[] {
  for (const item of list) {
    const renamed = renames.get(item.id);
    if (renamed && renamed.seq > since) item.title = renamed.title;
  }
  return list;
}

async function fetchPage(page: number): Promise<ChatListItem[]> {
  return sidebar.query.trim() ? chats.search(sidebar.query.trim(), page) : chats.list(page);
}

/** Reloads everything from page 1 (after a change, a title event, or a new search). */
export async function refreshSidebar(): Promise<void> {
  const gen = ++generation;
  const since = renameSeq;
  sidebar.loading = false;
  const [pinned, folderList, first] = await Promise.all([
    chats.pinned().catch(() => [] as ChatListItem[]),
    foldersApi.list().catch(() => [] as Folder[]),
    fetchPage(1)
  ]);
  if (gen !== generation) return;
  sidebar.pinned = withNewerTitles(pinned, since);
  sidebar.folders = folderList;
  sidebar.items = withNewerTitles(first, since);
  sidebar.page = 1;
  sidebar.exhausted = first.length === 0;
  await Promise.all(folderList.filter((f) => f.is_expanded).map((f) => loadFolder(f.id)));
}

/** Next page of the main list; page 1 always comes from refreshSidebar. */
export async function loadMore(): Promise<void> {
  if (sidebar.loading || sidebar.exhausted || sidebar.page === 0) return;
  const gen = generation;
  const since = renameSeq;
  const pageNo = sidebar.page + 1;
  sidebar.loading = true;
  try {
    const next = await fetchPage(pageNo);
    if (gen !== generation) return;
    sidebar.page = pageNo;
    if (next.length === 0) sidebar.exhausted = true;
    const known = new Set(sidebar.items.map((c) => c.id));
    sidebar.items = [...sidebar.items, ...withNewerTitles(next, since).filter((c) => !known.has(c.id))];
  } finally {
    sidebar.loading = false;
  }
}

export async function loadFolder(id: string): Promise<void> {
  const since = renameSeq;
  const all: ChatListItem[] = [];
  for (let page = 1; page <= 50; page++) {
    const batch = await chats.folderList(id, page);
    if (batch.length === 0) break;
    all.push(...batch);
  }
  sidebar.folderChats[id] = withNewerTitles(all, since);
}

export function setQuery(query: string): Promise<void> {
  sidebar.query = query;
  return refreshSidebar();
}

export function renameLocally(id: string, title: string): void {
  renames.set(id, { title, seq: ++renameSeq });
  for (const list of [sidebar.items, sidebar.pinned, ...Object.values(sidebar.folderChats)]) {
    const hit = list.find((c) => c.id === id);
    if (hit) hit.title = title;
  }
}

/** True when `id` is `ancestor` or lies below it (a folder may not move into itself). */
export function isWithin(folders: Folder[], id: string | null, ancestor: string): boolean {
  const byId = new Map(folders.map((f) => [f.id, f]));
  for (let cur = id, hops = 0; cur && hops <= folders.length; cur = byId.get(cur)?.parent_id ?? null, hops++) if (cur === ancestor) return true;
  return false;
}

/** A name not used by the folders under `parentId` ("New Folder", "New Folder 2", …). */
export function freeFolderName(folders: Folder[], parentId: string | null): string {
  const names = new Set(folders.filter((f) => (f.parent_id ?? null) === parentId).map((f) => f.name));
  let name = 'New Folder';
  for (let i = 2; names.has(name); i++) name = `New Folder ${i}`;
  return name;
}

/** Creates a folder, below `parentId` when given (the API creates at the root, then moves it); the caller refreshes. */
export async function createFolder(parentId: string | null): Promise<Folder> {
  const folder = await foldersApi.create(freeFolderName(sidebar.folders, parentId));
  if (parentId) {
    await foldersApi.setParent(folder.id, parentId);
    await foldersApi.setExpanded(parentId, true);
  }
  return folder;
}

/** Handles a drop of a chat or a folder onto a folder (null = root). Throws when a folder would move into itself. */
export async function dropOnto(data: DataTransfer | null, folderId: string | null): Promise<void> {
  const chatId = data?.getData('text/chat-id');
  const movedFolder = data?.getData('text/folder-id');
  if (chatId) return moveChat(chatId, folderId);
  if (!movedFolder) return;
  if (folderId && isWithin(sidebar.folders, folderId, movedFolder)) throw new Error('A folder cannot be moved into itself');
  await foldersApi.setParent(movedFolder, folderId);
  await showMoved(folderId);
}

/** Moves a chat into a folder (null = out of any folder), dropped there or picked from its menu. */
export async function moveChat(chatId: string, folderId: string | null): Promise<void> {
  await chats.moveToFolder(chatId, folderId);
  await showMoved(folderId);
}

/** The folder that received something opens, so the user sees it arrive. */
async function showMoved(folderId: string | null): Promise<void> {
  if (folderId && !sidebar.folders.find((f) => f.id === folderId)?.is_expanded) await foldersApi.setExpanded(folderId, true);
  await refreshSidebar();
}
