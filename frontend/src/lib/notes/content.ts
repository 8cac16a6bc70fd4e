// note.data.content (docs/contract.md, Wire shapes) from the editor's Markdown: md as typed, html as plain
// sanitised Markdown output (no code-block buttons or line numbers), which is what the stock note editor opens.
import type { NoteContent } from '../api/notes';
import { richHtml } from '../richtext/richHtml';

export const noteContent = (md: string): NoteContent => ({ json: null, html: md ? richHtml(md) : '', md });

/** Notes carry nanosecond timestamps (docs/contract.md, Identifiers and timestamps). */
export const nsToDate = (ns: number) => new Date(Math.floor(ns / 1e6));
