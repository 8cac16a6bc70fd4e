// The admin's update notice and "What's New": the version check and changelog endpoints, and when
// each is shown (the stock keys `showUpdateToast`, `showChangelog`, and the seen version in `ui.version`).
import { get } from '../api/http';

export interface VersionUpdates {
  current: string;
  latest: string;
}

export interface ChangelogEntry {
  title: string;
  content: string;
}

/** Version → its date and sections (e.g. "added") of entries, newest first as served. */
export type Changelog = Record<string, { date?: string } & Record<string, ChangelogEntry[] | string | undefined>>;

export const updatesApi = {
  versions: () => get<VersionUpdates>('/api/version/updates'),
  changelog: () => get<Changelog>('/api/changelog')
};

/** True when `latest` is a higher dotted version than `current` ("0.6.40" > "0.6.32"; "v" and suffixes ignored). */
export function isNewer(latest: string, current: string): boolean {
  const parts = (v: string) => v.replace(/^v/, '').split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  const a = parts(latest);
  const b = parts(current);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}

/** The sections of one version with their entries, without the date. */
export function sectionsOf(version: Changelog[string]): [string, ChangelogEntry[]][] {
  return Object.entries(version).filter((e): e is [string, ChangelogEntry[]] => e[0] !== 'date' && Array.isArray(e[1]));
}

// The latest version whose notice the admin closed; it is not shown again for that version.
const DISMISSED = 'dismissedUpdateVersion';
export const dismissedVersion = () => localStorage.getItem(DISMISSED);
export const dismissVersion = (latest: string) => localStorage.setItem(DISMISSED, latest);
