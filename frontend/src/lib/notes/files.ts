// Files of a note, kept in `note.data.files` in the stock UI's shapes so both UIs show them:
// documents uploaded to file-service `{type: "file", id, url, name, size, status, file, ...}`,
// images inline as data URLs `{type: "image", id, url}` (not uploaded, like the stock UI).

export interface NoteFile {
  type: 'file' | 'image';
  id: string | null;
  url: string;
  name?: string;
  size?: number;
  status?: 'uploading' | 'uploaded';
  file?: unknown;
  collection_name?: string;
  error?: string;
  itemId?: string;
}

/** The stored list, skipping anything without a type or a url (older or foreign entries stay untouched on save). */
export const noteFiles = (data: { files?: unknown[] | null } | null | undefined): NoteFile[] =>
  (Array.isArray(data?.files) ? data!.files : []).filter((f): f is NoteFile => !!f && typeof f === 'object' && ((f as NoteFile).type === 'file' || (f as NoteFile).type === 'image'));

export function uploadedFile(model: { id: string; filename?: string; meta?: { name?: string; size?: number; collection_name?: string } }, size: number): NoteFile {
  return {
    type: 'file',
    id: model.id,
    url: `/api/v1/files/${model.id}`,
    name: model.meta?.name ?? model.filename ?? 'file',
    size,
    status: 'uploaded',
    file: model,
    collection_name: model.meta?.collection_name ?? '',
    error: '',
    itemId: crypto.randomUUID()
  };
}

export const imageFile = (url: string): NoteFile => ({ type: 'image', id: crypto.randomUUID(), url });

/** The files to store: null when none is left (as the stock UI stores it). */
export const storedFiles = (files: NoteFile[]) => (files.length ? files : null);

/** A stable key for lists and removal (uploads have a file id, images their own id). */
export const fileKey = (f: NoteFile) => f.itemId ?? f.id ?? f.url;
