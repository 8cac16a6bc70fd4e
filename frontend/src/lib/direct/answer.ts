// The browser's side of a direct connection's completion (docs/direct-connections.md): the server sends
// `request:chat:completion` as an acknowledged chat-event; this browser calls its own endpoint, acks
// `{status: true}` (or the endpoint's error) and sends the stream on the request's channel, one SSE line
// per event, then `{done: true}`. Without `stream` the ack is the whole answer.
import { readLines } from '../api/lines';
import type { DirectConnections } from './connections';
import { trimUrl } from './connections';

export interface DirectRequest {
  form_data: Record<string, unknown> & { model?: string; stream?: boolean };
  model?: { urlIdx?: number | string };
  channel: string;
  session_id?: string;
}

type Emit = (channel: string, data: unknown) => void;

/** Running answers by chat id, so a stop of the chat aborts the endpoint's request. */
const running = new Map<string, AbortController>();

/** Aborts what this browser is fetching for `chatId` (the chat's task was cancelled). */
export function abortDirect(chatId: string | null | undefined): void {
  if (!chatId) return;
  running.get(chatId)?.abort();
  running.delete(chatId);
}

function errorOf(e: unknown): { error: { message: string } } {
  if (e && typeof e === 'object' && 'error' in e) {
    const err = (e as { error: unknown }).error;
    const message = typeof err === 'string' ? err : (err as { message?: unknown })?.message;
    if (typeof message === 'string') return { error: { message } };
  }
  if (e && typeof e === 'object' && typeof (e as { detail?: unknown }).detail === 'string') {
    return { error: { message: (e as { detail: string }).detail } };
  }
  return { error: { message: e instanceof Error ? e.message : String(e) } };
}

async function failureOf(res: Response): Promise<{ error: { message: string } }> {
  const body = await res.json().catch(() => null);
  const found = body ? errorOf(body) : null;
  return found && !found.error.message.startsWith('[object') ? found : { error: { message: `HTTP ${res.status}` } };
}

/**
 * Answers one request. `ack` is called exactly once; `emit` sends on the request's channel and ends
 * with `{done: true}` whatever happens.
 */
export async function answerDirect(request: DirectRequest, connections: DirectConnections, ack: (answer: unknown) => void,
                                   emit: Emit, chatId: string | null = null, fetchFn: typeof fetch = fetch): Promise<void> {
  const { channel } = request;
  let acked = false;
  const answer = (value: unknown) => {
    if (!acked) {
      acked = true;
      ack(value);
    }
  };
  const controller = new AbortController();
  if (chatId) running.set(chatId, controller);
  try {
    const idx = Number(request.model?.urlIdx);
    const url = connections.OPENAI_API_BASE_URLS[idx];
    if (!Number.isInteger(idx) || !url) throw new Error('This browser has no such direct connection (was it removed?)');
    const key = connections.OPENAI_API_KEYS[idx] ?? '';
    const prefix = connections.OPENAI_API_CONFIGS[String(idx)]?.prefix_id;
    const body = { ...request.form_data };
    if (prefix && typeof body.model === 'string' && body.model.startsWith(`${prefix}.`)) body.model = body.model.slice(prefix.length + 1);
    const res = await fetchFn(`${trimUrl(url)}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
      signal: controller.signal
    });
    if (!res.ok) return answer(await failureOf(res));
    if (!body.stream) return answer(await res.json());
    answer({ status: true });
    await relayLines(res, (line) => emit(channel, line));
  } catch (e) {
    if (acked) emit(channel, errorOf(e));
    else answer(errorOf(e));
  } finally {
    if (chatId && running.get(chatId) === controller) running.delete(chatId);
    emit(channel, { done: true });
  }
}

/** Sends every non-empty line of the response body, whole even when a network chunk cuts it. */
async function relayLines(res: Response, send: (line: string) => void): Promise<void> {
  if (res.body) await readLines(res.body, (line) => send(line.replace(/\r$/, '')));
}
