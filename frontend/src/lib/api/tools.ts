// Tools a chat may use (/api/v1/tools/: the tools and tool servers the user may read).
import { get } from './http';

export interface ToolItem {
  id: string;
  name: string;
  meta?: { description?: string } | null;
}

export const tools = {
  list: () => get<ToolItem[]>('/api/v1/tools/')
};
