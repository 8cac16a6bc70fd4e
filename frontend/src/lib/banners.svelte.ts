// The admin's banners above a new chat. A dismissible banner, once closed, stays closed: its id is
// kept in localStorage `dismissedBannerIds` as in the stock UI (ids of banners gone are dropped).
import { banners as api, type Banner } from './api/banners';

const KEY = 'dismissedBannerIds';

export const bannerState = $state({ list: [] as Banner[], closed: [] as string[] });

function dismissed(): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(ids) ? ids.map(String) : [];
  } catch {
    return [];
  }
}

export async function loadBanners(): Promise<void> {
  bannerState.list = await api.list();
}

export function visibleBanners(): Banner[] {
  const hidden = new Set([...dismissed(), ...bannerState.closed]);
  return bannerState.list.filter((b) => !hidden.has(b.id));
}

/** Hides a banner; only a dismissible one is remembered across visits. */
export function dismissBanner(banner: Banner): void {
  bannerState.closed = [...bannerState.closed, banner.id];
  if (!banner.dismissible) return;
  const live = new Set(bannerState.list.map((b) => b.id));
  localStorage.setItem(KEY, JSON.stringify([banner.id, ...dismissed()].filter((id) => live.has(id))));
}
