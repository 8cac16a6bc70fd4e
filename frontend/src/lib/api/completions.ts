import type { ContentPart } from '../chat/history';
import { get, post } from './http';
import type { ModelEntry } from '../types';

export interface CompletionRequest {
  model: string;
  messages: { role: string; content: string | ContentPart[] }[];
  stream: boolean;
  params: Record<string, unknown>;
  files?: unknown[];
  tool_servers: unknown[];
  features: Record<string, boolean>;
  variables: Record<string, string>;
  model_item: ModelEntry;
  session_id: string;
  chat_id: string;
  id: string;
  background_tasks: Record<string, boolean>;
}

export interface CompletedRequest {
  model: string;
  messages: { id: string; role: string; content: string; timestamp: number }[];
  model_item: ModelEntry;
  chat_id: string;
  session_id: string;
  id: string;
}

export const completions = {
  /** Socket mode (docs/completions.md, Socket mode): the answer streams as `chat-events`; HTTP returns a task ticket. */
  start: (body: CompletionRequest) => post<{ status: boolean; task_id: string }>('/api/chat/completions', body),
  completed: (body: CompletedRequest) => post<{ messages?: { id: string; content?: string }[] }>('/api/chat/completed', body),
  stop: (taskId: string) => post<{ status: boolean; message: string }>(`/api/tasks/stop/${encodeURIComponent(taskId)}`),
  running: (chatId: string) => get<{ task_ids: string[] }>(`/api/tasks/chat/${encodeURIComponent(chatId)}`)
};
