// The single place that talks HTTP: same origin, relative URLs, Bearer token from localStorage
// plus the `token` cookie (credentials: 'include'), and `{"detail": ...}` errors turned into ApiError.
import { readableError } from './gatewayPage';

const TOKEN_KEY = 'token';

export const token = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (value: string) => localStorage.setItem(TOKEN_KEY, value),
  clear: () => localStorage.removeItem(TOKEN_KEY)
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string
  ) {
    super(detail);
  }
}

/** Extracts a human-readable message from the error bodies of docs/contract.md, Errors. */
export function errorDetail(body: unknown, status: number): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, any>;
    if (typeof b.detail === 'string') return b.detail;
    if (Array.isArray(b.detail)) return b.detail.map((d) => d?.msg ?? String(d)).join('; ');
    if (b.error) return typeof b.error === 'string' ? b.error : (b.error.message ?? JSON.stringify(b.error));
  }
  if (typeof body === 'string' && body.trim()) return readableError(body, status);
  return status === 0 ? 'The server cannot be reached' : `Request failed (${status})`;
}

export interface RequestOptions {
  /** Send the Authorization header (default true). `/api/config` is fetched with the cookie only. */
  bearer?: boolean;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** What the answer may be (default JSON): `text/event-stream` for a streamed completion. */
  accept?: string;
}

function headersFor(options: RequestOptions, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  const stored = token.get();
  if (options.bearer !== false && stored) headers.Authorization = `Bearer ${stored}`;
  if (json) headers['Content-Type'] = 'application/json';
  return headers;
}

async function send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query)) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  try {
    return await fetch(url, {
      method,
      headers: headersFor(options, body !== undefined),
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, errorDetail(null, 0));
  }
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, body, options);
  const parsed = parse(await res.text());
  if (!res.ok) throw new ApiError(res.status, errorDetail(parsed, res.status));
  return parsed as T;
}

/** A request whose answer is read as it streams (SSE, NDJSON): the response with its body, errors as in request(). */
export async function openStream(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const res = await send(method, path, body, options);
  if (!res.ok || !res.body) throw new ApiError(res.status, errorDetail(parse(await res.text()), res.status));
  return res.body;
}

/** GET of a file to download: the body as a Blob, errors as in request(). */
export async function getBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const res = await send('GET', path, undefined, options);
  if (!res.ok) throw new ApiError(res.status, errorDetail(parse(await res.text()), res.status));
  return res.blob();
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options);
export const del = <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('DELETE', path, body, options);
