import { get, post } from './http';
import type { AppConfig, ModelEntry, UiSettings } from '../types';

export const app = {
  /** Cookie only, no Authorization header (docs/contract.md, Startup sequence). */
  config: () => get<AppConfig>('/api/config', { bearer: false }),
  models: () => get<{ data: ModelEntry[] }>('/api/models').then((r) => r.data ?? []),
  settings: () => get<{ ui?: UiSettings } | null>('/api/v1/users/user/settings'),
  saveSettings: (ui: UiSettings) => post<{ ui?: UiSettings }>('/api/v1/users/user/settings/update', { ui })
};
