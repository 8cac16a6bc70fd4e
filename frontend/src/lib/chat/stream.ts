// Applies one `chat-events` payload (docs/completions.md, Chat events) to the assistant message it targets.
import { readableError } from '../api/gatewayPage';
import type { Message } from '../types';

export interface EventOutcome {
  /** Generation finished (final `chat:completion` with done, or a cancel). */
  done?: boolean;
  /** A generated chat title (`chat:title`, or `title` on the final event). */
  title?: string;
  /** Tags changed on the server. */
  tags?: boolean;
  notification?: { type: string; content: string };
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return readableError(error);
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>;
    return readableError(String(e.content ?? e.message ?? e.detail ?? JSON.stringify(e)));
  }
  return 'Something went wrong';
}

export function applyChatEvent(message: Message, type: string, data: any): EventOutcome {
  switch (type) {
    case 'chat:completion':
      return applyCompletion(message, data ?? {});
    case 'chat:message:delta':
    case 'message':
      message.content += data?.content ?? '';
      return {};
    case 'chat:message':
    case 'replace':
      message.content = data?.content ?? '';
      return {};
    case 'chat:message:error':
      message.error = { content: errorText(data?.error) };
      return {};
    case 'chat:message:follow_ups':
      message.followUps = data?.follow_ups ?? [];
      return {};
    case 'chat:message:files':
    case 'files':
      message.files = data?.files ?? [];
      return {};
    case 'status':
      message.statusHistory = [...(message.statusHistory ?? []), data];
      return {};
    case 'source':
    case 'citation':
      if (data?.type !== 'code_execution') message.sources = [...(message.sources ?? []), data];
      return {};
    case 'chat:title':
      return typeof data === 'string' && data ? { title: data } : {};
    case 'chat:tags':
      return { tags: true };
    case 'chat:tasks:cancel':
      message.done = true;
      return { done: true };
    case 'notification':
      return { notification: { type: data?.type ?? 'info', content: String(data?.content ?? '') } };
    default:
      return {};
  }
}

function applyCompletion(message: Message, data: Record<string, any>): EventOutcome {
  if (data.sources && !message.sources?.length) message.sources = data.sources;
  if (data.usage) message.usage = data.usage;
  if (data.selected_model_id) {
    // an arena model handed the message on: the message stays the arena's, the pick is recorded beside it
    message.selectedModelId = data.selected_model_id;
    message.arena = true;
  }
  if (data.error) message.error = { content: errorText(data.error) };

  const choice = Array.isArray(data.choices) ? data.choices[0] : undefined;
  if (choice?.delta?.content) message.content += choice.delta.content;
  else if (choice?.message?.content) message.content += choice.message.content;

  if (typeof data.content === 'string') message.content = data.content;
  if (data.done) {
    message.done = true;
    return { done: true, title: typeof data.title === 'string' && data.title ? data.title : undefined };
  }
  return {};
}
