// Tools, functions and tool servers: /api/v1/tools, /api/v1/functions, /api/v1/configs/tool_servers (docs/tools.md).
import { get, post } from './http';

export interface ToolEntry {
  id: string;
  user_id: string;
  name: string;
  meta: { description?: string } | null;
  access_control: unknown;
  has_user_valves?: boolean;
  updated_at: number;
  user?: { name?: string } | null;
}

export interface FunctionEntry {
  id: string;
  name: string;
  type: 'filter' | 'pipe' | 'action';
  meta: { description?: string } | null;
  is_active: boolean;
  is_global: boolean;
}

/** One entry of TOOL_SERVER_CONNECTIONS, in Open WebUI's shape (fields this UI does not edit are kept). */
export interface ToolServerConnection {
  type?: 'openapi' | 'mcp';
  url: string;
  path?: string;
  auth_type?: string;
  key?: string;
  config?: { enable?: boolean; access_control?: unknown; [k: string]: unknown };
  info?: { id?: string; name?: string; description?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export const tools = {
  list: () => get<ToolEntry[]>('/api/v1/tools/'),
  functions: () => get<FunctionEntry[]>('/api/v1/functions/'),
  toggleFunction: (id: string, global = false) =>
    post<FunctionEntry>(`/api/v1/functions/id/${encodeURIComponent(id)}/toggle${global ? '/global' : ''}`),
  servers: () => get<{ TOOL_SERVER_CONNECTIONS: ToolServerConnection[] }>('/api/v1/configs/tool_servers'),
  saveServers: (connections: ToolServerConnection[]) =>
    post<{ TOOL_SERVER_CONNECTIONS: ToolServerConnection[] }>('/api/v1/configs/tool_servers', { TOOL_SERVER_CONNECTIONS: connections }),
  verifyServer: (connection: ToolServerConnection) => post<Record<string, unknown>>('/api/v1/configs/tool_servers/verify', connection)
};
