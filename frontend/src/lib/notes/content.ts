// note.data.content (docs/contract.md, Wire shapes) from the editor's Markdown: md as typed, html rendered and sanitised.
import type { NoteContent } from '../api/notes';
import { renderMarkdown } from '../markdown/render';

export const noteContent = (md: string): NoteContent => ({ json: null, html: md ? renderMarkdown(md) : '', md });

/** Notes carry nanosecond timestamps (docs/contract.md, Identifiers and timestamps). */
export const nsToDate = (ns: number) => new Date(Math.floor(ns / 1e6));
