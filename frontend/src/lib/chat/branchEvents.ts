// "The user switched to another version of a message": told by the branch arrows, heard by the chat
// view, which scrolls (or not) by the `scrollOnBranchChange` setting.
const EVENT = 'webui:branch-change';

export const branchChanged = () => window.dispatchEvent(new Event(EVENT));

export function onBranchChange(handler: () => void): () => void {
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
