// Memories (facts a user wants models to keep in mind): /api/v1/memories.
import { del, get, post } from './http';

export interface Memory {
  id: string;
  user_id: string;
  content: string;
  created_at: number;
  updated_at: number;
}

const base = '/api/v1/memories';

export const memories = {
  list: () => get<Memory[]>(`${base}/`),
  add: (content: string) => post<Memory>(`${base}/add`, { content }),
  update: (id: string, content: string) => post<Memory>(`${base}/${encodeURIComponent(id)}/update`, { content }),
  remove: (id: string) => del<boolean>(`${base}/${encodeURIComponent(id)}`),
  clear: () => del<boolean>(`${base}/delete/user`)
};
