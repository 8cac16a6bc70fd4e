import type { AccessControl } from '../access';
// Uploads (file-service, docs/files.md): multipart POST with progress, then the processing
// status stream that the stock upload helper also waits on.
import { ApiError, del, errorDetail, get, post, token } from './http';

export interface FileModel {
  id: string;
  filename: string;
  meta: { name?: string; content_type?: string; size?: number; collection_name?: string };
  data?: { status?: string; error?: string };
}

export interface Knowledge {
  id: string;
  name: string;
  description: string;
  access_control?: AccessControl;
  files?: { id: string; meta: { name?: string; size?: number } }[];
}

export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<FileModel> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files/');
    xhr.withCredentials = true;
    const t = token.get();
    if (t) xhr.setRequestHeader('Authorization', `Bearer ${t}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, errorDetail(null, 0)));
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // plain-text error page
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as FileModel);
      else reject(new ApiError(xhr.status, xhr.status === 413 ? 'The file is too large' : errorDetail(body, xhr.status)));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Follows `GET /api/v1/files/{id}/process/status?stream=true` until completed (resolve) or failed (reject). */
export async function waitForProcessing(id: string): Promise<void> {
  const headers: Record<string, string> = {};
  const t = token.get();
  if (t) headers.Authorization = `Bearer ${t}`;
  const res = await fetch(`/api/v1/files/${encodeURIComponent(id)}/process/status?stream=true`, { headers, credentials: 'include' });
  if (!res.ok || !res.body) throw new ApiError(res.status, errorDetail(await res.json().catch(() => null), res.status));
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split('\n');
    buffer = done ? '' : lines.pop()!;
    for (const line of lines) {
      const payload = line.startsWith('data:') ? line.slice(5).trim() : line.trim().startsWith('{') ? line.trim() : '';
      if (!payload) continue;
      const status = JSON.parse(payload) as { status: string; error?: string };
      if (status.status === 'completed') return reader.cancel();
      if (status.status === 'failed' || status.status === 'not_found') {
        await reader.cancel();
        throw new Error(status.error || 'Processing the file failed');
      }
    }
    if (done) return;
  }
}

const kb = (id: string) => `/api/v1/knowledge/${encodeURIComponent(id)}`;

export const knowledge = {
  list: () => get<Knowledge[]>('/api/v1/knowledge/'),
  writable: () => get<Knowledge[]>('/api/v1/knowledge/list'),
  create: (name: string, description: string, access_control: AccessControl) => post<Knowledge>('/api/v1/knowledge/create', { name, description, access_control }),
  update: (id: string, form: { name: string; description: string; access_control: AccessControl }) => post<Knowledge>(`${kb(id)}/update`, form),
  get: (id: string) => get<Knowledge>(kb(id)),
  addFile: (id: string, file_id: string) => post<Knowledge>(`${kb(id)}/file/add`, { file_id }),
  removeFile: (id: string, file_id: string) => post<Knowledge>(`${kb(id)}/file/remove`, { file_id }),
  remove: (id: string) => del<boolean>(`${kb(id)}/delete`)
};
