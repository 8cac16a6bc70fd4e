// Earlier texts of a note, kept in `note.data.versions` in the stock UI's shape ({json, html, md},
// oldest first) so both UIs can step through them. A version is taken before a model rewrites the
// note (Enhance, the chat's edit mode) and when the user starts browsing with unsaved-as-version text.
import type { NoteContent } from '../api/notes';
import { noteContent } from './content';

/** Older versions beyond this are dropped: every version is stored inside the note. */
export const MAX_VERSIONS = 20;

export type NoteVersion = NoteContent;

/** The stored list, skipping entries without Markdown (foreign or damaged data stays out of the way). */
export const noteVersions = (data: Record<string, unknown> | null | undefined): NoteVersion[] =>
  (Array.isArray(data?.versions) ? (data!.versions as unknown[]) : []).filter((v): v is NoteVersion => !!v && typeof v === 'object' && typeof (v as NoteVersion).md === 'string');

/** The list with `md` added as the newest version, unless the newest already has that text; capped. */
export function withVersion(versions: NoteVersion[], md: string): NoteVersion[] {
  if (versions.at(-1)?.md === md) return versions;
  return [...versions, noteContent(md)].slice(-MAX_VERSIONS);
}

/** Where the editor stands: `index` null is the live text; otherwise it shows `versions[index]`. */
export interface Browsing {
  versions: NoteVersion[];
  index: number | null;
}

/**
 * One step back or forward. Stepping back from the live text first keeps that text as the newest
 * version, so stepping forward again returns to it; reaching the newest version is the live text again.
 * The result's `md` is the text to show.
 */
export function step(at: Browsing, live: string, direction: 'back' | 'forward'): Browsing & { md: string } {
  let { versions, index } = at;
  if (index === null) {
    if (direction === 'forward' || !versions.length) return { versions, index, md: live };
    versions = withVersion(versions, live);
    index = versions.length - 1;
  }
  index = direction === 'back' ? Math.max(0, index - 1) : index + 1;
  if (index >= versions.length - 1) return { versions, index: null, md: versions.at(-1)!.md };
  return { versions, index, md: versions[index].md };
}
