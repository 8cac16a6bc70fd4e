// Prompts (/api/v1/prompts): `command` carries the leading slash in bodies, not in paths.
import { del, get, post } from './http';

export interface Prompt {
  command: string;
  user_id?: string;
  title: string;
  content: string;
  timestamp?: number;
  access_control: unknown;
}

const base = '/api/v1/prompts';
const path = (command: string) => encodeURIComponent(command.replace(/^\//, ''));

export const prompts = {
  readable: () => get<Prompt[]>(`${base}/`),
  writable: () => get<Prompt[]>(`${base}/list`),
  create: (p: Prompt) => post<Prompt>(`${base}/create`, p),
  update: (p: Prompt) => post<Prompt>(`${base}/command/${path(p.command)}/update`, p),
  remove: (command: string) => del<boolean>(`${base}/command/${path(command)}/delete`)
};
