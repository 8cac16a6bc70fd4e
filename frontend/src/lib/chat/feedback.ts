// Builds the rating body of /api/v1/evaluations for one assistant message (pure).
import type { FeedbackForm } from '../api/evaluations';
import type { Annotation, History, Message } from '../types';

export function feedbackForm(chatId: string, title: string, history: History, message: Message, annotation: Annotation): FeedbackForm {
  const parent = message.parentId ? history.messages[message.parentId] : undefined;
  const siblings = (parent?.childrenIds ?? [])
    .map((id) => history.messages[id]?.model)
    .filter((m): m is string => !!m && m !== message.model);
  return {
    type: 'rating',
    data: {
      rating: annotation.rating,
      model_id: message.selectedModelId ?? message.model ?? '',
      sibling_model_ids: siblings.length ? [...new Set(siblings)] : null,
      reason: annotation.reason ?? '',
      comment: annotation.comment ?? ''
    },
    meta: { chat_id: chatId, message_id: message.id },
    snapshot: { chat: { id: chatId, title, history } }
  };
}

/** The reasons offered after a rating (English keys, translated where shown). */
export const FEEDBACK_REASONS = ['Accurate information', 'Followed instructions', 'Creative', 'Not factual', 'Did not follow instructions', 'Too long'];
