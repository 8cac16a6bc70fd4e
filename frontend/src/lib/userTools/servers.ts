// The user's own tool servers (Settings > Tools, stored as `toolServers` in the user's settings the
// way Open WebUI v0.6.32 stores them). The browser loads their OpenAPI documents, sends them with
// each completion as `tool_servers` and runs the calls the server asks for (docs/frontend.md).
import { token } from '../api/http';
import { session } from '../session.svelte';
import { executeOperation, type ToolAnswer } from './execute';
import { specsOf, type ToolSpec } from './openapi';

export interface UserToolServer {
  type?: 'openapi';
  url: string;
  path: string;
  auth_type: 'none' | 'bearer' | 'session';
  key: string;
  spec_type?: 'url';
  spec?: string;
  config: { enable: boolean; [key: string]: unknown };
  info?: { id?: string; name?: string; description?: string };
}

/** One loaded server as a completion carries it in `tool_servers`. */
export interface ServerData {
  url: string;
  openapi: Record<string, any>;
  info: Record<string, any>;
  specs: ToolSpec[];
}

export function userServers(): UserToolServer[] {
  const list = session.settings.toolServers;
  return Array.isArray(list) ? (list as UserToolServer[]) : [];
}

/** Where the document is: the path itself when it is a full URL, else the path under the server's URL. */
export function documentUrl(server: UserToolServer): string {
  const path = server.path || 'openapi.json';
  if (path.includes('://')) return path;
  return `${server.url.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function tokenOf(server: UserToolServer): string {
  if (server.auth_type === 'bearer') return server.key ?? '';
  if (server.auth_type === 'session') return token.get() ?? '';
  return '';
}

/** Fetches and converts one server's document (throws a readable message when that fails). */
export async function loadServer(server: UserToolServer, fetcher: typeof fetch = fetch): Promise<ServerData> {
  const auth = tokenOf(server);
  const res = await fetcher(documentUrl(server), {
    headers: { Accept: 'application/json', ...(auth ? { Authorization: `Bearer ${auth}` } : {}) }
  });
  if (!res.ok) throw new Error(`${documentUrl(server)}: HTTP ${res.status}`);
  let openapi: Record<string, any>;
  try {
    openapi = await res.json();
  } catch {
    throw new Error(`${documentUrl(server)}: not a JSON OpenAPI document`);
  }
  if (!openapi || typeof openapi !== 'object' || typeof openapi.paths !== 'object') {
    throw new Error(`${documentUrl(server)}: not an OpenAPI document (no paths)`);
  }
  return { url: server.url, openapi, info: openapi.info ?? {}, specs: specsOf(openapi) };
}

// Loaded documents, by where they come from and with which key; a failed load is not kept.
const cache = new Map<string, Promise<ServerData>>();
const cacheKey = (s: UserToolServer) => `${documentUrl(s)}\n${tokenOf(s)}`;

export function cachedServer(server: UserToolServer, fetcher: typeof fetch = fetch): Promise<ServerData> {
  const key = cacheKey(server);
  let loading = cache.get(key);
  if (!loading) {
    loading = loadServer(server, fetcher);
    cache.set(key, loading);
    loading.catch(() => cache.delete(key));
  }
  return loading;
}

/** Forgets every loaded document (after the list was edited, so the next chat loads them afresh). */
export function forgetServers(): void {
  cache.clear();
}

/**
 * The completion's `tool_servers`: the picked servers (positions in the settings list) that are
 * enabled and whose documents load; the others are left out with their errors.
 */
export async function toolServersPayload(picked: number[], fetcher: typeof fetch = fetch): Promise<{ servers: ServerData[]; errors: string[] }> {
  const enabled = userServers().filter((s, i) => picked.includes(i) && s?.config?.enable && s.url);
  const results = await Promise.allSettled(enabled.map((s) => cachedServer(s, fetcher)));
  const servers: ServerData[] = [];
  const errors: string[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') servers.push(r.value);
    else errors.push(`${enabled[i].url}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
  });
  return { servers, errors };
}

/** Answers an `execute:tool` event: `{name, params, server: {url, openapi}}` → `[result, headers]`. */
export async function answerExecuteTool(data: any, fetcher: typeof fetch = fetch): Promise<ToolAnswer> {
  const url = data?.server?.url;
  const server = userServers().find((s) => s.url === url && s.config?.enable);
  if (!server) return [{ error: `Tool server not found: ${url ?? ''}` }, null];
  let openapi = data?.server?.openapi;
  if (!openapi?.paths) {
    try {
      openapi = (await cachedServer(server, fetcher)).openapi;
    } catch (e) {
      return [{ error: e instanceof Error ? e.message : String(e) }, null];
    }
  }
  const params = data?.params && typeof data.params === 'object' ? data.params : {};
  return executeOperation(openapi, server.url, tokenOf(server), String(data?.name ?? ''), params, fetcher);
}
