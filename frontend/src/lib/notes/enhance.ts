// "Enhance" of a note: the note (and the text of its attached files) sent to a model as one
// streamed completion over HTTP (`POST /api/chat/completions`, stream on, no socket session: the
// SSE mode of docs/completions.md); the Markdown it writes replaces the note as it arrives.
import { get, openStream } from '../api/http';
import { readLines } from '../api/lines';
import type { NoteFile } from './files';

export const ENHANCE_PROMPT = `You improve a user's notes. The notes come inside <notes> tags; text extracted from files attached to them may follow inside <context> tags.
Rewrite the notes in the language they are written in: keep every fact, fill in what the context adds, fix mistakes, and give them a clear structure.
Answer with the improved notes only, in Markdown: headings, lists, task lists ("- [ ]") where the notes imply tasks, and emphasis where it helps. No preamble, no closing remarks.`;

export interface ContextFile {
  name: string;
  content: string;
}

/** The files' text inside <context> tags, each under its name; empty when there is none. */
export function contextTags(context: ContextFile[]): string {
  return context.length ? `<context>\n${context.map((f) => `${f.name}:\n${f.content}`).join('\n\n')}\n</context>` : '';
}

export function enhanceMessages(md: string, context: ContextFile[]) {
  const ctx = context.length ? `\n${contextTags(context)}` : '';
  return [
    { role: 'system', content: ENHANCE_PROMPT },
    { role: 'user', content: `<notes>\n${md}\n</notes>${ctx}` }
  ];
}

/** The extracted text of the note's uploaded files (images carry none); a file that fails is left out. */
export async function contextOf(files: NoteFile[]): Promise<ContextFile[]> {
  const docs = files.filter((f) => f.type === 'file' && f.id);
  const texts = await Promise.all(docs.map((f) => get<{ content?: string }>(`/api/v1/files/${encodeURIComponent(f.id!)}/data/content`).then((r) => r.content ?? '', () => '')));
  return docs.map((f, i) => ({ name: f.name ?? 'file', content: texts[i] })).filter((c) => c.content.trim());
}

/** Reads an OpenAI-style SSE body, calling `onDelta` with each piece of content; errors in the stream throw. */
export async function readDeltas(body: ReadableStream<Uint8Array>, onDelta: (text: string) => void): Promise<void> {
  await readLines(body, (raw) => {
    const line = raw.trim();
    if (!line.startsWith('data:')) return;
    const payload = line.slice(5).trim();
    if (!payload || payload === '[DONE]') return;
    let event: any;
    try {
      event = JSON.parse(payload);
    } catch {
      return;
    }
    if (event?.error) throw new Error(typeof event.error === 'string' ? event.error : (event.error.message ?? JSON.stringify(event.error)));
    const delta = event?.choices?.[0]?.delta?.content;
    if (typeof delta === 'string' && delta) onDelta(delta);
  });
}

export interface EnhanceOptions {
  model: string;
  md: string;
  files: NoteFile[];
  signal: AbortSignal;
  /** Called with the whole enhanced text so far, after each piece. */
  onText: (text: string) => void;
}

/** Streams the enhanced note; resolves with the final text (what was received if stopped). */
export async function enhanceNote(o: EnhanceOptions): Promise<string> {
  const messages = enhanceMessages(o.md, await contextOf(o.files));
  return streamedText(o.model, messages, o.signal, o.onText);
}

/**
 * One completion streamed over HTTP (stream on, no socket session); `onText` gets the whole text
 * so far after each piece. Resolves with the final text (what was received if stopped).
 */
export async function streamedText(model: string, messages: { role: string; content: string }[], signal: AbortSignal, onText: (text: string) => void): Promise<string> {
  const body = await openStream('POST', '/api/chat/completions', { model, stream: true, messages }, { signal, accept: 'text/event-stream' });
  let text = '';
  try {
    await readDeltas(body, (d) => onText((text += d)));
  } catch (e) {
    if ((e as Error)?.name !== 'AbortError') throw e;
  }
  return text;
}
