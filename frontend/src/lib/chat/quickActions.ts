// Floating quick actions over a selection in an answer (stock `showFloatingActionButtons`): an
// action's prompt filled with the selection (quickActionList.ts), sent with the chat so far as one
// streamed completion over HTTP (`POST /api/chat/completions`, stream on, the SSE mode of
// docs/completions.md); the answer is shown next to the selection, and joins the chat only on "Add".
import { streamedText } from '../notes/enhance';
import { append, branch } from './history';
import type { History, Message } from '../types';

export interface QuickAsk {
  model: string;
  history: History;
  /** The answer the selection was made in: the chat up to it goes along. */
  messageId: string;
  prompt: string;
  signal: AbortSignal;
  onText: (text: string) => void;
}

/** Streams the model's answer about the selection; resolves with the whole text (what came, if stopped). */
export async function askAboutSelection(o: QuickAsk): Promise<string> {
  // Only each message's text goes along, as the stock UI sends it.
  const messages = [...branch(o.history, o.messageId).map((m) => ({ role: m.role, content: m.content })), { role: 'user', content: o.prompt }];
  return streamedText(o.model, messages, o.signal, o.onText);
}

/** "Add": the question and its answer join the chat under the answer they are about, as a new branch made current. */
export function addToChat(history: History, parentId: string, prompt: string, answer: string, model: { id: string; name?: string }): void {
  const at = Math.floor(Date.now() / 1000);
  const question: Message = { id: crypto.randomUUID(), parentId, childrenIds: [], role: 'user', content: prompt, timestamp: at };
  append(history, question);
  append(history, { id: crypto.randomUUID(), parentId: question.id, childrenIds: [], role: 'assistant', content: answer, done: true, model: model.id, modelName: model.name || model.id, timestamp: at });
}
