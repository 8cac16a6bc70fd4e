// Admin › Database: the settings document in and out (/api/v1/configs), every user's chats,
// the user list, and the database file (api-service refuses it on PostgreSQL, with the reason).
import { get, getBlob, post } from './http';
import type { AdminUser } from './admin';

export const database = {
  exportConfig: () => get<Record<string, unknown>>('/api/v1/configs/export'),
  importConfig: (config: Record<string, unknown>) => post<Record<string, unknown>>('/api/v1/configs/import', { config }),
  allChats: () => get<unknown[]>('/api/v1/chats/all/db'),
  allUsers: () => get<{ users: AdminUser[]; total: number }>('/api/v1/users/all'),
  download: () => getBlob('/api/v1/utils/db/download')
};
