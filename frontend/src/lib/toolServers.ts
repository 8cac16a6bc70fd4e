// Tool ids and tool-server entries as Open WebUI v0.6.32 writes them (docs/tools.md, "Tool ids").
import type { ToolServerConnection } from './api/tools';

export type ToolKind = 'openapi' | 'mcp' | 'python';

/** What a tool id names: `server:<id>` an OpenAPI server, `server:mcp:<id>` an MCP server, anything else an imported Python tool. */
export function toolKind(id: string): ToolKind {
  if (id.startsWith('server:mcp:')) return 'mcp';
  if (id.startsWith('server:')) return 'openapi';
  return 'python';
}

/** The form of one server in the admin screen. */
export interface ServerRow {
  type: 'openapi' | 'mcp';
  url: string;
  path: string;
  auth_type: 'none' | 'bearer' | 'session' | string;
  key: string;
  id: string;
  name: string;
  description: string;
  enable: boolean;
  access_control: unknown;
}

export function rowOf(c: ToolServerConnection): ServerRow {
  const type = c.type === 'mcp' ? 'mcp' : 'openapi';
  return {
    type,
    url: c.url ?? '',
    path: c.path ?? (type === 'openapi' ? 'openapi.json' : ''),
    auth_type: c.auth_type ?? (type === 'mcp' ? 'none' : 'bearer'),
    key: c.key ?? '',
    id: c.info?.id ?? '',
    name: c.info?.name ?? '',
    description: c.info?.description ?? '',
    enable: c.config?.enable ?? false,
    access_control: c.config?.access_control ?? null
  };
}

const slug = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * The entry to save: the previous entry's other fields kept, `info.id` made from the name when
 * empty (an MCP server without an id is never used), the URL trimmed.
 */
export function connectionOf(row: ServerRow, previous: ToolServerConnection | null = null): ToolServerConnection {
  const id = row.id.trim() || slug(row.name) || (row.type === 'mcp' ? slug(row.url.replace(/^https?:\/\//, '')) : '');
  return {
    ...(previous ?? {}),
    type: row.type,
    url: row.url.trim().replace(/\/+$/, ''),
    path: row.type === 'openapi' ? row.path.trim() || 'openapi.json' : '',
    auth_type: row.auth_type,
    key: row.auth_type === 'bearer' ? row.key : '',
    config: { ...(previous?.config ?? {}), enable: row.enable, access_control: row.access_control },
    info: { ...(previous?.info ?? {}), id, name: row.name.trim(), description: row.description.trim() }
  };
}

/** The tool id a saved entry gets, as chats send it. */
export function toolIdOf(c: ToolServerConnection, index: number): string {
  return c.type === 'mcp' ? `server:mcp:${c.info?.id ?? ''}` : `server:${c.info?.id || String(index)}`;
}

/** Problems that would make an entry useless, for the admin to fix before saving. */
export function problemsOf(rows: ServerRow[]): string[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  rows.forEach((r, i) => {
    const c = connectionOf(r);
    if (!/^https?:\/\/\S+$/.test(c.url)) problems.push(`Server ${i + 1}: the URL must start with http:// or https://`);
    const id = toolIdOf(c, i);
    if (ids.has(id)) problems.push(`Server ${i + 1}: the id ${id} is already used by server ${ids.get(id)! + 1}`);
    ids.set(id, i);
  });
  return problems;
}
