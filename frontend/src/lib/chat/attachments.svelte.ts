// Files and knowledge bases attached to the next message, as FileItems (docs/contract.md, Wire shapes).
import { knowledge as knowledgeApi, uploadFile, waitForProcessing, type Knowledge } from '../api/files';
import { session } from '../session.svelte';
import { imageLimits, readImage } from './images';

export interface Attachment {
  key: string;
  name: string;
  kind: 'file' | 'collection' | 'image';
  state: 'uploading' | 'processing' | 'ready' | 'failed';
  progress: number;
  error?: string;
  item?: Record<string, unknown>;
}

/** The chat message box's attachments; other composers (a channel's) pass a list of their own. */
export const attachments = $state<Attachment[]>([]);

export const attachmentsBusy = (list: Attachment[] = attachments) => list.some((a) => a.state === 'uploading' || a.state === 'processing');

export function readyItems(list: Attachment[] = attachments): Record<string, unknown>[] {
  return list.filter((a) => a.state === 'ready' && a.item).map((a) => a.item!);
}

export function clearAttachments(list: Attachment[] = attachments): void {
  list.splice(0);
}

export function removeAttachment(key: string, list: Attachment[] = attachments): void {
  const i = list.findIndex((a) => a.key === key);
  if (i >= 0) list.splice(i, 1);
}

/** Returns an error message when the file is over the configured `file.max_size` (MB). */
export function tooLarge(file: File): string | null {
  const max = (session.config as { file?: { max_size?: number | null } } | null)?.file?.max_size;
  return max && file.size > max * 1024 * 1024 ? `${file.name} is larger than ${max} MB` : null;
}

export async function attachFile(file: File, list: Attachment[] = attachments): Promise<void> {
  const key = crypto.randomUUID();
  list.push({ key, name: file.name, kind: 'file', state: 'uploading', progress: 0 });
  const entry = () => list.find((a) => a.key === key);
  try {
    const uploaded = await uploadFile(file, (p) => {
      const a = entry();
      if (a) a.progress = p;
    });
    if (entry()) entry()!.state = 'processing';
    await waitForProcessing(uploaded.id);
    const a = entry();
    if (!a) return;
    a.state = 'ready';
    a.item = {
      type: 'file',
      file: uploaded,
      id: uploaded.id,
      url: `/api/v1/files/${uploaded.id}`,
      name: file.name,
      collection_name: uploaded.meta?.collection_name ?? '',
      status: 'uploaded',
      size: file.size,
      itemId: key
    };
  } catch (e) {
    const a = entry();
    if (a) {
      a.state = 'failed';
      a.error = e instanceof Error ? e.message : String(e);
    }
  }
}

/** Images stay in the browser as data URLs (as the stock UI does) and go to the model in the message. */
export async function attachImage(file: File, list: Attachment[] = attachments): Promise<void> {
  const key = crypto.randomUUID();
  list.push({ key, name: file.name || 'image.png', kind: 'image', state: 'processing', progress: 1 });
  const entry = () => list.find((a) => a.key === key);
  try {
    const server = (session.config as { file?: { image_compression?: { width?: number | null; height?: number | null } } } | null)?.file?.image_compression;
    const limits = imageLimits(session.settings, server, list !== attachments);
    const url = await readImage(file, limits.width, limits.height);
    const a = entry();
    if (!a) return;
    a.state = 'ready';
    a.item = { type: 'image', url, name: a.name };
  } catch (e) {
    const a = entry();
    if (a) {
      a.state = 'failed';
      a.error = e instanceof Error ? e.message : String(e);
    }
  }
}

export function attachKnowledge(kb: Knowledge): void {
  if (attachments.some((a) => a.item?.id === kb.id)) return;
  attachments.push({ key: kb.id, name: kb.name, kind: 'collection', state: 'ready', progress: 1, item: { ...kb, type: 'collection' } });
}

/** A file already stored in a knowledge base, picked with `#` (no upload). */
export function attachStoredFile(file: { id: string; meta: { name?: string; size?: number } }): void {
  if (attachments.some((a) => a.item?.id === file.id)) return;
  const name = file.meta?.name ?? file.id;
  attachments.push({
    key: file.id,
    name,
    kind: 'file',
    state: 'ready',
    progress: 1,
    item: { type: 'file', file, id: file.id, url: `/api/v1/files/${file.id}`, name, status: 'uploaded', size: file.meta?.size, itemId: file.id }
  });
}

export const listKnowledge = () => knowledgeApi.list();
