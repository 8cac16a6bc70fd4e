// note.data.content of api.md §1.7 from the editor's Markdown: md as typed, html rendered and sanitised.
import type { NoteContent } from '../api/notes';
import { renderMarkdown } from '../markdown/render';

export const noteContent = (md: string): NoteContent => ({ json: null, html: md ? renderMarkdown(md) : '', md });

/** Notes carry nanosecond timestamps (api.md §1.4). */
export const nsToDate = (ns: number) => new Date(Math.floor(ns / 1e6));
