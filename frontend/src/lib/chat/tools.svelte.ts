// The tools picked for the chat being written in: sent as `tool_ids` (and the user's own servers as
// `tool_servers`) with each completion.
export const chatTools = $state<{ selected: string[] }>({ selected: [] });

export function toggleTool(id: string): void {
  chatTools.selected = chatTools.selected.includes(id) ? chatTools.selected.filter((t) => t !== id) : [...chatTools.selected, id];
}

/** The prefix of the user's own tool servers in the picker (`direct_server:<index in settings.toolServers>`), as v0.6.32 names them. */
export const DIRECT_SERVER = 'direct_server:';

/** The completion body's `tool_ids` (the user's own servers go in `tool_servers` instead), or nothing when none is picked. */
export function toolIds(): { tool_ids?: string[] } {
  const ids = chatTools.selected.filter((id) => !id.startsWith(DIRECT_SERVER));
  return ids.length ? { tool_ids: ids } : {};
}

/** The positions in the user's `toolServers` of the own servers picked for this chat. */
export function pickedServers(): number[] {
  return chatTools.selected.filter((id) => id.startsWith(DIRECT_SERVER)).map((id) => Number(id.slice(DIRECT_SERVER.length)));
}
