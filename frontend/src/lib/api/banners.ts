import { get, post } from './http';

/** An admin's notice shown above a new chat (v0.6.32 `BannerModel`). */
export interface Banner {
  id: string;
  type: string;
  title?: string | null;
  content: string;
  dismissible: boolean;
  timestamp: number;
}

export const banners = {
  list: () => get<Banner[]>('/api/v1/configs/banners'),
  save: (list: Banner[]) => post<Banner[]>('/api/v1/configs/banners', { banners: list })
};
