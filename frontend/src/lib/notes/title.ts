// "Generate title" of a note: one completion (not streamed) asked for a short title as JSON.
import { post } from '../api/http';

export const TITLE_PROMPT = `Write a title for the notes below, inside <notes> tags.
Use three to five words in the notes' own language; one fitting emoji at the start is welcome. No quotation marks, no Markdown.
Answer with one JSON object and nothing else: {"title": "…"}`;

export const titleMessages = (md: string) => [{ role: 'user', content: `${TITLE_PROMPT}\n\n<notes>\n${md}\n</notes>` }];

/** The title in a model's answer: the JSON object's `title` (fences and chatter around it are ignored), else null. */
export function parseTitle(answer: string): string | null {
  const start = answer.indexOf('{');
  const end = answer.lastIndexOf('}');
  if (start < 0 || end < start) return null;
  try {
    const title = JSON.parse(answer.slice(start, end + 1))?.title;
    const clean = typeof title === 'string' ? title.replace(/\s+/g, ' ').trim() : '';
    return clean ? clean.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** Asks `model` for a title of the note; throws when the answer holds none. */
export async function generateTitle(model: string, md: string, signal?: AbortSignal): Promise<string> {
  const res = await post<{ choices?: { message?: { content?: string } }[] }>('/api/chat/completions', { model, stream: false, messages: titleMessages(md) }, { signal });
  const title = parseTitle(res.choices?.[0]?.message?.content ?? '');
  if (!title) throw new Error('The model gave no title.');
  return title;
}
