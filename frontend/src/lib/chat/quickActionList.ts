// The user's floating quick actions (stock `ui.floatingActionButtons`): null, or an empty list, means
// the stock pair "Ask" and "Explain". A prompt is a template: `{{SELECTED_CONTENT}}` is the selection
// as a Markdown quote, `{{CONTENT}}` the selection as it is, `{{INPUT_CONTENT}}` what the user types
// first (an action with it in its prompt asks for that input before sending).
export interface QuickAction {
  id: string;
  label: string;
  /** Kept for the stock UI, which writes it; whether an action asks is read off its prompt. */
  input?: boolean;
  prompt: string;
}

const INPUT = '{{INPUT_CONTENT}}';

/** The stock defaults, labels (and the word "Explain" of its prompt) in the user's language. */
export function defaultActions(tr: (s: string) => string): QuickAction[] {
  return [
    { id: 'ask', label: tr('Ask'), input: true, prompt: `{{SELECTED_CONTENT}}\n\n\n${INPUT}` },
    { id: 'explain', label: tr('Explain'), input: false, prompt: `{{SELECTED_CONTENT}}\n\n\n${tr('Explain')}` }
  ];
}

/** The actions the buttons show: the stored ones, or the defaults when none are stored. */
export function activeActions(stored: QuickAction[] | null | undefined, tr: (s: string) => string): QuickAction[] {
  return stored?.length ? stored : defaultActions(tr);
}

export const asksForInput = (a: QuickAction): boolean => (a.prompt ?? '').includes(INPUT);

/**
 * The prompt sent for an action. Tool placeholders of the stock UI (`{{name|tool:id="…"}}`,
 * `{{TOOL:…}}`) are reduced to their name and dropped: this app sends no tools with quick actions.
 */
export function fillPrompt(template: string, selection: string, input = ''): string {
  const quoted = selection.split('\n').map((line) => `> ${line}`).join('\n');
  return (template ?? '')
    .replace(/\{\{(.*?)\|tool:id="[^"]+"\}\}/g, '$1')
    .replace(/\{\{TOOL:[^}]+\}\}/g, '')
    // Functions, so a `$` in the selection or the input is taken literally.
    .replaceAll(INPUT, () => input)
    .replaceAll('{{CONTENT}}', () => selection)
    .replaceAll('{{SELECTED_CONTENT}}', () => quoted);
}

/** A new action at the end, with an id no other action has (`new-button`, `new-button-1`, …). */
export function addAction(list: QuickAction[], label: string): QuickAction[] {
  let id = 'new-button';
  for (let n = 1; list.some((a) => a.id === id); n++) id = `new-button-${n}`;
  return [...list, { id, label, input: true, prompt: `{{CONTENT}}\n\n\n${INPUT}` }];
}

export function removeAction(list: QuickAction[], index: number): QuickAction[] {
  return list.filter((_, i) => i !== index);
}

/** What is saved: null when the list is empty (the defaults), else a copy with trimmed labels and ids. */
export function toStored(list: QuickAction[]): QuickAction[] | null {
  if (list.length === 0) return null;
  return list.map((a) => ({ id: a.id.trim(), label: a.label.trim(), input: asksForInput(a), prompt: a.prompt }));
}

/** Why a list cannot be saved, or null: every action needs a label, a prompt and an id of its own. */
export function listProblem(list: QuickAction[]): string | null {
  if (list.some((a) => !a.label.trim())) return 'Every action needs a label';
  if (list.some((a) => !a.prompt.trim())) return 'Every action needs a prompt';
  const ids = list.map((a) => a.id.trim());
  if (ids.some((id) => !id) || new Set(ids).size !== ids.length) return 'Every action needs an ID of its own';
  return null;
}
