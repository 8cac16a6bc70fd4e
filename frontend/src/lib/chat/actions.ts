// Actions on a whole chat, shared by the sidebar's chat menu and the chat header's menu.
import { chats } from '../api/chats';
import { navigate } from '../router.svelte';
import { refreshSidebar } from '../sidebar.svelte';
import { toast, toastError } from '../toast.svelte';
import { chat as openChat, newChat } from './controller.svelte';

/** Runs an action, reports its failure as a toast, and refreshes the sidebar after it. */
export async function chatAction(action: () => Promise<unknown>, done?: string): Promise<boolean> {
  try {
    await action();
    if (done) toast(done, 'success');
    await refreshSidebar();
    return true;
  } catch (e) {
    toastError(e);
    return false;
  }
}

/** Leaves the chat when it is the open one (after it was deleted or archived). */
function leave(id: string): void {
  if (openChat.id !== id) return;
  newChat();
  navigate('/');
}

export async function shareChat(id: string): Promise<void> {
  try {
    const snapshot = await chats.share(id);
    if (openChat.id === id) openChat.shareId = snapshot.id;
    const url = `${window.location.origin}/s/${snapshot.id}`;
    await navigator.clipboard.writeText(url).catch(() => {});
    toast(`Share link copied: ${url}`, 'success');
  } catch (e) {
    toastError(e);
  }
}

export async function unshareChat(id: string): Promise<void> {
  if (await chatAction(() => chats.unshare(id), 'Share link revoked') && openChat.id === id) openChat.shareId = null;
}

export async function cloneChat(id: string): Promise<void> {
  try {
    const copy = await chats.clone(id);
    await refreshSidebar();
    navigate(`/c/${copy.id}`);
    toast(`Cloned as "${copy.title}"`, 'success');
  } catch (e) {
    toastError(e);
  }
}

export async function togglePin(id: string): Promise<void> {
  await chatAction(async () => {
    const c = await chats.togglePin(id);
    if (openChat.id === id) openChat.pinned = !!c.pinned;
  });
}

export async function archiveChat(id: string): Promise<void> {
  if (await chatAction(() => chats.toggleArchive(id), 'Chat archived')) leave(id);
}

export async function deleteChat(id: string): Promise<void> {
  if (await chatAction(() => chats.remove(id))) leave(id);
}
