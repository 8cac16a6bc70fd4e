import { del, get, post } from './http';
import type { Role } from '../types';

export interface AdminUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  profile_image_url: string;
  last_active_at: number;
  created_at: number;
}

export interface AuthAdminConfig {
  SHOW_ADMIN_DETAILS: boolean;
  WEBUI_URL: string;
  ENABLE_SIGNUP: boolean;
  ENABLE_API_KEY: boolean;
  DEFAULT_USER_ROLE: Role;
  JWT_EXPIRES_IN: string;
  [key: string]: unknown;
}

export interface OpenAiConfig {
  ENABLE_OPENAI_API: boolean;
  OPENAI_API_BASE_URLS: string[];
  OPENAI_API_KEYS: string[];
  OPENAI_API_CONFIGS: Record<string, Record<string, unknown>>;
}

/** The admin's switches for users' own connections and the model list cache (`/api/v1/configs/connections`). */
export interface ConnectionsConfig {
  ENABLE_DIRECT_CONNECTIONS: boolean;
  ENABLE_BASE_MODELS_CACHE: boolean;
}

export const admin = {
  users: (page: number, query: string) =>
    get<{ users: AdminUser[]; total: number }>('/api/v1/users/', { query: { page, query: query || undefined, order_by: 'created_at', direction: 'desc' } }),
  updateUser: (u: AdminUser, role: Role) => post<AdminUser>(`/api/v1/users/${encodeURIComponent(u.id)}/update`, { role, name: u.name, email: u.email, profile_image_url: u.profile_image_url }),
  /** Name, email and (when given) a new password; the role stays as it is. */
  editUser: (u: AdminUser, edit: { name: string; email: string; password?: string }) =>
    post<AdminUser>(`/api/v1/users/${encodeURIComponent(u.id)}/update`, { role: u.role, profile_image_url: u.profile_image_url, ...edit }),
  addUser: (user: { name: string; email: string; password: string; role: Role }) => post<AdminUser>('/api/v1/auths/add', user),
  deleteUser: (id: string) => del<boolean>(`/api/v1/users/${encodeURIComponent(id)}`),
  authConfig: () => get<AuthAdminConfig>('/api/v1/auths/admin/config'),
  saveAuthConfig: (config: AuthAdminConfig) => post<AuthAdminConfig>('/api/v1/auths/admin/config', config),
  openaiConfig: () => get<OpenAiConfig>('/openai/config'),
  saveOpenaiConfig: (config: OpenAiConfig) => post<OpenAiConfig>('/openai/config/update', config),
  connectionsConfig: () => get<ConnectionsConfig>('/api/v1/configs/connections'),
  saveConnectionsConfig: (config: ConnectionsConfig) => post<ConnectionsConfig>('/api/v1/configs/connections', config),
  /** The admin's webhook, told of every sign-up (docs/webhooks.md). */
  webhook: () => get<{ url: string }>('/api/webhook'),
  saveWebhook: (url: string) => post<{ url: string }>('/api/webhook', { url }),
  verifyConnection: (url: string, key: string) => post<{ data?: { id: string }[] }>('/openai/verify', { url, key, config: {} })
};

export interface ModelPreset {
  id: string;
  base_model_id: string | null;
  name: string;
  meta: Record<string, unknown>;
  params: Record<string, unknown>;
  access_control: unknown;
  is_active: boolean;
}

export const presets = {
  list: () => get<ModelPreset[]>('/api/v1/models/'),
  base: () => get<ModelPreset[]>('/api/v1/models/base'),
  remove: (id: string) => del<boolean>('/api/v1/models/model/delete', undefined, { query: { id } }),
  create: (p: Omit<ModelPreset, 'is_active'> & { is_active?: boolean }) => post<ModelPreset>('/api/v1/models/create', p),
  update: (p: ModelPreset) => post<ModelPreset>('/api/v1/models/model/update', p, { query: { id: p.id } })
};

/** Retrieval settings are an opaque object of UPPER_CASE keys (docs/files.md, Retrieval settings); the UI edits a few. */
export interface ModelsConfig {
  DEFAULT_MODELS: string | null;
  MODEL_ORDER_LIST: string[] | null;
}

export const modelsConfig = {
  get: () => get<ModelsConfig>('/api/v1/configs/models'),
  save: (c: ModelsConfig) => post<ModelsConfig>('/api/v1/configs/models', c)
};

export const tasks = {
  config: () => get<Record<string, unknown>>('/api/v1/tasks/config'),
  save: (config: Record<string, unknown>) => post<Record<string, unknown>>('/api/v1/tasks/config/update', config)
};

export const retrieval = {
  config: () => get<Record<string, unknown>>('/api/v1/retrieval/config'),
  save: (config: Record<string, unknown>) => post<Record<string, unknown>>('/api/v1/retrieval/config/update', config)
};

export type Permissions = Record<string, Record<string, boolean>>;

export interface Group {
  id: string;
  name: string;
  description: string;
  permissions: Permissions | null;
  user_ids: string[];
}

export const groups = {
  list: () => get<Group[]>('/api/v1/groups/'),
  create: (name: string, description: string) => post<Group>('/api/v1/groups/create', { name, description }),
  update: (g: Group) => post<Group>(`/api/v1/groups/id/${encodeURIComponent(g.id)}/update`, { name: g.name, description: g.description, permissions: g.permissions, user_ids: g.user_ids }),
  remove: (id: string) => del<boolean>(`/api/v1/groups/id/${encodeURIComponent(id)}/delete`),
  allUsers: () => get<{ users: AdminUser[]; total: number }>('/api/v1/users/all'),
  defaultPermissions: () => get<Permissions>('/api/v1/users/default/permissions'),
  saveDefaultPermissions: (p: Permissions) => post<Permissions>('/api/v1/users/default/permissions', p)
};
