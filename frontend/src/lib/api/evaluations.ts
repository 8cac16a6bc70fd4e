// Message ratings (/api/v1/evaluations): one feedback row per rated answer, its id kept as message.feedbackId.
import { del, get, post } from './http';

export interface FeedbackForm {
  type: 'rating';
  data: { rating: 1 | -1; model_id: string; sibling_model_ids: string[] | null; reason: string; comment: string };
  meta: { chat_id: string; message_id: string; arena?: boolean; tags?: string[] };
  snapshot: { chat: unknown };
}

export interface Feedback extends FeedbackForm {
  id: string;
  user_id: string;
}

const base = '/api/v1/evaluations/feedback';

/** A feedback as the admin list shows it: with who gave it. */
export interface FeedbackWithUser extends Omit<Feedback, 'snapshot'> {
  created_at: number;
  user: { id: string; name: string; email: string } | null;
}

export const feedback = {
  all: () => get<FeedbackWithUser[]>('/api/v1/evaluations/feedbacks/all'),
  /** Every feedback with its chat snapshot, for the stock "Export" file. */
  exportAll: () => get<Feedback[]>('/api/v1/evaluations/feedbacks/all/export'),
  remove: (id: string) => del<boolean>(`${base}/${encodeURIComponent(id)}`),
  create: (form: FeedbackForm) => post<Feedback>(base, form),
  get: (id: string) => get<Feedback>(`${base}/${encodeURIComponent(id)}`),
  update: (id: string, form: FeedbackForm) => post<Feedback>(`${base}/${encodeURIComponent(id)}`, form)
};
