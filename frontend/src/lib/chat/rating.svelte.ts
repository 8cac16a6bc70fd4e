// Rates an answer: creates (or updates) its feedback row, keeps the annotation and feedbackId on the message, saves the chat.
import { feedback } from '../api/evaluations';
import type { Annotation } from '../types';
import { chat, save } from './controller.svelte';
import { feedbackForm } from './feedback';

export async function rate(messageId: string, annotation: Annotation): Promise<void> {
  const message = chat.history.messages[messageId];
  if (!message || !chat.id || chat.temporary) return;
  const form = feedbackForm(chat.id, chat.title, $state.snapshot(chat.history), $state.snapshot(message), annotation);
  const row = message.feedbackId ? await feedback.update(message.feedbackId, form) : await feedback.create(form);
  message.annotation = { ...annotation };
  message.feedbackId = row.id;
  await save();
}
