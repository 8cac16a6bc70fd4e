// The tools picked for the chat being written in: sent as `tool_ids` with each completion.
export const chatTools = $state<{ selected: string[] }>({ selected: [] });

export function toggleTool(id: string): void {
  chatTools.selected = chatTools.selected.includes(id) ? chatTools.selected.filter((t) => t !== id) : [...chatTools.selected, id];
}

/** The completion body's `tool_ids`, or nothing when no tool is picked. */
export function toolIds(): { tool_ids?: string[] } {
  return chatTools.selected.length ? { tool_ids: [...chatTools.selected] } : {};
}
