// The user's own OpenAI-compatible connections (Settings › Connections), kept in the user's settings as
// `ui.directConnections` in the stock UI's shape, and the models this browser lists from them
// (docs/direct-connections.md). The browser asks these endpoints itself; the server never does.
import type { ModelEntry } from '../types';

export interface DirectConnectionConfig {
  enable?: boolean;
  prefix_id?: string;
  model_ids?: string[];
  tags?: unknown[];
  [key: string]: unknown;
}

export interface DirectConnections {
  OPENAI_API_BASE_URLS: string[];
  OPENAI_API_KEYS: string[];
  OPENAI_API_CONFIGS: Record<string, DirectConnectionConfig>;
}

/** One connection as the settings screen edits it. */
export interface DirectRow {
  url: string;
  key: string;
  prefix: string;
  enable: boolean;
}

export const EMPTY: DirectConnections = { OPENAI_API_BASE_URLS: [], OPENAI_API_KEYS: [], OPENAI_API_CONFIGS: {} };

/** The stored value, or an empty set when the settings hold nothing usable. */
export function readConnections(value: unknown): DirectConnections {
  const v = value as Partial<DirectConnections> | null | undefined;
  if (!v || !Array.isArray(v.OPENAI_API_BASE_URLS)) return { ...EMPTY, OPENAI_API_CONFIGS: {} };
  return {
    OPENAI_API_BASE_URLS: v.OPENAI_API_BASE_URLS.map(String),
    OPENAI_API_KEYS: Array.isArray(v.OPENAI_API_KEYS) ? v.OPENAI_API_KEYS.map((k) => String(k ?? '')) : [],
    OPENAI_API_CONFIGS: v.OPENAI_API_CONFIGS && typeof v.OPENAI_API_CONFIGS === 'object' ? v.OPENAI_API_CONFIGS : {}
  };
}

export function rowsOf(c: DirectConnections): DirectRow[] {
  return c.OPENAI_API_BASE_URLS.map((url, i) => ({
    url,
    key: c.OPENAI_API_KEYS[i] ?? '',
    prefix: String(c.OPENAI_API_CONFIGS[String(i)]?.prefix_id ?? ''),
    enable: c.OPENAI_API_CONFIGS[String(i)]?.enable ?? true
  }));
}

/** The value to store; each row keeps the other settings its URL had (model ids, tags). */
export function connectionsOf(rows: DirectRow[], previous: DirectConnections): DirectConnections {
  const configs: Record<string, DirectConnectionConfig> = {};
  rows.forEach((r, i) => {
    const before = previous.OPENAI_API_CONFIGS[String(previous.OPENAI_API_BASE_URLS.indexOf(r.url))] ?? {};
    const config: DirectConnectionConfig = { ...before, enable: r.enable };
    if (r.prefix.trim()) config.prefix_id = r.prefix.trim();
    else delete config.prefix_id;
    configs[String(i)] = config;
  });
  return {
    OPENAI_API_BASE_URLS: rows.map((r) => trimUrl(r.url)),
    OPENAI_API_KEYS: rows.map((r) => r.key),
    OPENAI_API_CONFIGS: configs
  };
}

export const trimUrl = (url: string) => url.trim().replace(/\/+$/, '');

type Fetch = typeof fetch;

/** `GET {url}/models` of one connection, as the browser asks it (the endpoint must allow this origin by CORS). */
export async function listModels(url: string, key: string, fetchFn: Fetch = fetch): Promise<{ id: string; name?: string }[]> {
  const res = await fetchFn(`${trimUrl(url)}/models`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  if (!res.ok) throw new Error(`${trimUrl(url)} answered HTTP ${res.status}`);
  const body = await res.json();
  const list = Array.isArray(body) ? body : body?.data;
  if (!Array.isArray(list)) throw new Error(`${trimUrl(url)} did not answer a model list`);
  return list.filter((m) => m && typeof m.id === 'string');
}

/**
 * The models of every enabled connection, marked `direct` with their connection's index (`urlIdx`),
 * prefixed by its prefix id; a connection with fixed `model_ids` is not asked. A connection that
 * fails gives no models (its error is in `failures`), the others still do.
 */
export async function directModels(c: DirectConnections, fetchFn: Fetch = fetch): Promise<{ models: ModelEntry[]; failures: string[] }> {
  const failures: string[] = [];
  const lists = await Promise.all(c.OPENAI_API_BASE_URLS.map(async (url, i) => {
    const config = c.OPENAI_API_CONFIGS[String(i)] ?? {};
    if (config.enable === false) return [];
    const fixed = Array.isArray(config.model_ids) && config.model_ids.length ? config.model_ids.map((id) => ({ id: String(id) })) : null;
    let found: { id: string; name?: string }[];
    try {
      found = fixed ?? (await listModels(url, c.OPENAI_API_KEYS[i] ?? '', fetchFn));
    } catch (e) {
      failures.push(e instanceof Error ? e.message : String(e));
      return [];
    }
    const prefix = config.prefix_id ? `${config.prefix_id}.` : '';
    return found.map((m) => ({
      id: `${prefix}${m.id}`,
      name: m.name ?? m.id,
      owned_by: 'openai',
      openai: { id: m.id },
      urlIdx: i,
      direct: true,
      ...(config.tags ? { tags: config.tags } : {})
    }) as ModelEntry);
  }));
  return { models: lists.flat(), failures };
}

/** The server's models, then the direct ones; a direct model replaces a server model of the same id, as in the stock UI. */
export function withDirect(server: ModelEntry[], direct: ModelEntry[]): ModelEntry[] {
  const byId = new Map<string, ModelEntry>();
  for (const m of [...server, ...direct]) byId.set(m.id, m);
  return [...byId.values()];
}
