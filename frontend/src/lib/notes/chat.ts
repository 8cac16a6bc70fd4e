// The note editor's chat: each turn is one streamed completion over HTTP (as Enhance) whose system
// message carries the note as it is now, so answers follow the user's edits. "ask" answers about the
// note; "edit" has the model rewrite the whole note, which replaces the note as it arrives.
import { contextOf, contextTags, streamedText, type ContextFile } from './enhance';
import type { NoteFile } from './files';

export type NoteChatMode = 'ask' | 'edit';

export interface NoteChatMessage {
  role: 'user' | 'assistant';
  content: string;
  mode: NoteChatMode;
  /** The selected part of the note the message was about. */
  selection?: string;
  /** False while the answer streams. */
  done: boolean;
}

const INPUT = `The notes come inside <notes> tags; text extracted from files attached to them may follow inside <context> tags.`;

export const ASK_PROMPT = `You help a user with their notes. ${INPUT}
Answer the user's questions from the notes and the context, in the language of the question. When they do not hold the answer, say so before adding what you know. Use Markdown where it helps.`;

export const EDIT_PROMPT = `You edit a user's notes. ${INPUT}
Carry out the user's latest instruction on the notes, in the language they are written in, and keep everything the instruction does not touch. Use the context only where the instruction calls for it.
Answer with the whole edited notes only, in Markdown, exactly as they should now read: no preamble, no closing remarks, no code fence around them.`;

export const SELECTION_ASK = `The part of the notes the user has selected comes inside <selection> tags; "this" in a question means that part.`;

export const SELECTION_EDIT = `Carry out the instruction on the part of the notes inside <selection> tags only. Answer with the new text of that part only, exactly as it should now read: it replaces the selection, and the rest of the notes stays as it is.`;

/** What an earlier edit turn says in the conversation: the edited note itself is already in <notes>. */
export const EDITED_REPLY = 'I edited the notes as asked; the notes above are the result.';

/** The system message; with `selection` (a part of the notes the user selected) the model is told what it is, and in edit mode to rewrite only it. */
export function noteChatSystem(mode: NoteChatMode, md: string, context: ContextFile[], selection?: string): string {
  const ctx = contextTags(context);
  const prompt = mode === 'edit' ? EDIT_PROMPT : ASK_PROMPT;
  const selected = selection ? `\n<selection>\n${selection}\n</selection>` : '';
  return `${selection ? `${prompt}\n${mode === 'edit' ? SELECTION_EDIT : SELECTION_ASK}` : prompt}\n\n<notes>\n${md}\n</notes>${ctx ? `\n${ctx}` : ''}${selected}`;
}

/** The messages of one turn: the system message, then the conversation so far (ending with the user's message). */
export function noteChatMessages(mode: NoteChatMode, md: string, context: ContextFile[], conversation: NoteChatMessage[], selection?: string) {
  const turns = conversation
    .map((m) => ({ role: m.role, content: m.role === 'assistant' && m.mode === 'edit' ? EDITED_REPLY : m.content }))
    .filter((m) => m.content.trim());
  return [{ role: 'system', content: noteChatSystem(mode, md, context, selection) }, ...turns];
}

/** An edited note without the code fence some models put around their whole answer (also while it streams). */
export function unfenced(text: string): string {
  const open = /^\s*```(?:markdown|md)?[ \t]*\n/i.exec(text);
  if (!open) return text;
  return text.slice(open[0].length).replace(/\n```\s*$/, '');
}

/** The note with an answer added at its end, after a blank line. */
export function appendedAnswer(note: string, answer: string): string {
  const head = note.trimEnd();
  return head ? `${head}\n\n${answer.trim()}` : answer.trim();
}

export interface NoteChatTurn {
  model: string;
  mode: NoteChatMode;
  md: string;
  files: NoteFile[];
  conversation: NoteChatMessage[];
  /** The part of the note the user selected, if any (in edit mode the answer replaces only it). */
  selection?: string;
  signal: AbortSignal;
  /** Called with the whole answer so far (in edit mode, the note as it now reads). */
  onText: (text: string) => void;
}

/** Streams one answer; resolves with its final text (what was received if stopped). */
export async function streamNoteChat(o: NoteChatTurn): Promise<string> {
  const messages = noteChatMessages(o.mode, o.md, await contextOf(o.files), o.conversation, o.selection);
  const shown = o.mode === 'edit' ? unfenced : (t: string) => t;
  return shown(await streamedText(o.model, messages, o.signal, (t) => o.onText(shown(t))));
}
