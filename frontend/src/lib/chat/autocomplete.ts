// Prompt autocompletion in the message box (stock `promptAutocomplete`, with the server's
// `enable_autocomplete_generation`): after a pause in typing, with the caret at the end, the line
// being written goes to `POST /api/v1/tasks/auto/completions`; the model's `{"text": ...}` is the
// continuation shown as ghost text. Typing again cancels the wait and the request; an answer that
// comes after that is dropped.
import { post } from '../api/http';

/** The pause after the last key before asking (the stock editor waits a second). */
export const AUTOCOMPLETE_PAUSE_MS = 1000;

/** The continuation in the task model's answer: the `text` of the JSON object in it, else none. */
export function suggestionIn(content: string): string {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start === -1 || end < start) return '';
  try {
    const text = JSON.parse(content.slice(start, end + 1))?.text;
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}

/** Asks the task model to continue `prompt` (the chat so far as context, when there is one); the body is the stock UI's. */
export async function fetchSuggestion(model: string, prompt: string, messages: { role: string; content: string }[] | null, signal: AbortSignal): Promise<string> {
  const res = await post<{ choices?: { message?: { content?: string } }[] }>(
    '/api/v1/tasks/auto/completions',
    { model, prompt, ...(messages ? { messages } : {}), type: 'search query', stream: false },
    { signal }
  );
  return suggestionIn(res?.choices?.[0]?.message?.content ?? '');
}

/** Waits for a pause, asks, and hands on the suggestion unless something was typed meanwhile. */
export class Autocompleter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly ask: (prompt: string, signal: AbortSignal) => Promise<string>,
    private readonly show: (suggestion: string) => void,
    private readonly pause = AUTOCOMPLETE_PAUSE_MS
  ) {}

  /** The box changed: `prompt` is the line before the caret at the end of the box, or null (caret elsewhere). */
  changed(prompt: string | null): void {
    this.cancel();
    if (prompt === null || !prompt.trim()) return;
    this.timer = setTimeout(() => void this.request(prompt), this.pause);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.controller?.abort();
    this.controller = null;
  }

  private async request(prompt: string) {
    this.timer = null;
    const c = (this.controller = new AbortController());
    const suggestion = await this.ask(prompt, c.signal).catch(() => '');
    if (this.controller !== c || c.signal.aborted) return;
    this.controller = null;
    if (suggestion.trim()) this.show(suggestion);
  }
}
