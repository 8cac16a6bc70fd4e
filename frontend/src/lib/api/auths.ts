import { del, get, post } from './http';
import type { SessionUser } from '../types';

const base = '/api/v1/auths';

export const auths = {
  session: () => get<SessionUser>(`${base}/`),
  signin: (email: string, password: string) => post<SessionUser>(`${base}/signin`, { email, password }),
  signup: (name: string, email: string, password: string, profile_image_url: string) =>
    post<SessionUser>(`${base}/signup`, { name, email, password, profile_image_url }),
  ldap: (user: string, password: string) => post<SessionUser>(`${base}/ldap`, { user, password }),
  signout: () => get<{ status: boolean; redirect_url?: string }>(`${base}/signout`),
  adminDetails: () => get<{ name: string; email: string }>(`${base}/admin/details`),
  updateProfile: (name: string, profile_image_url: string) => post<unknown>(`${base}/update/profile`, { name, profile_image_url }),
  updatePassword: (password: string, new_password: string) => post<boolean>(`${base}/update/password`, { password, new_password }),
  getApiKey: () => get<{ api_key: string }>(`${base}/api_key`),
  createApiKey: () => post<{ api_key: string }>(`${base}/api_key`),
  deleteApiKey: () => del<boolean>(`${base}/api_key`)
};
