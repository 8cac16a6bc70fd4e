// Emoji mode of a call (the stock `showEmojiInCall` switch): each spoken sentence gets one emoji
// from the emoji task (POST /api/v1/tasks/emoji/completions), shown while it is spoken. It is
// decoration only: any failure gives null and the call shows its usual indicator.
import { post } from '../api/http';

interface TaskAnswer {
  choices?: { message?: { content?: unknown } }[];
}

/** The first emoji of the task's answer (a completion), or null when it holds none. */
export function emojiOf(answer: unknown): string | null {
  const content = (answer as TaskAnswer | null)?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') return null;
  return /\p{Extended_Pictographic}/u.exec(content)?.[0] ?? null;
}

/** The emoji for `sentence`, asked of `model` (the answering model); null when it cannot be had. */
export async function emojiFor(model: string, sentence: string, chatId: string | null, signal?: AbortSignal): Promise<string | null> {
  try {
    const body = chatId ? { model, prompt: sentence, chat_id: chatId } : { model, prompt: sentence };
    return emojiOf(await post<unknown>('/api/v1/tasks/emoji/completions', body, { signal }));
  } catch {
    return null;
  }
}
