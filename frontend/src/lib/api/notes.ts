// Notes (/api/v1/notes). Timestamps are nanoseconds.
import type { AccessControl } from '../access';
import { del, get, post } from './http';

export interface NoteContent {
  json: unknown;
  html: string;
  md: string;
}

export interface Note {
  id: string;
  user_id: string;
  title: string;
  data: { content?: NoteContent; files?: unknown[] | null; [key: string]: unknown } | null;
  meta: Record<string, unknown> | null;
  access_control: AccessControl;
  created_at: number;
  updated_at: number;
  user?: { id: string; name: string };
}

export interface NoteForm {
  title: string;
  data: Note['data'];
  meta?: Note['meta'];
  access_control?: AccessControl;
}

const base = '/api/v1/notes';
const id$ = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const notes = {
  list: () => get<Note[]>(`${base}/`),
  create: (form: NoteForm) => post<Note>(`${base}/create`, form),
  get: (id: string) => get<Note>(id$(id)),
  update: (id: string, form: NoteForm) => post<Note>(`${id$(id)}/update`, form),
  remove: (id: string) => del<boolean>(`${id$(id)}/delete`)
};
