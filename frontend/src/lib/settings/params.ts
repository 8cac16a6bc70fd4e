// The model parameters of Settings › General, under the stock UI's `ui.params` keys. The form holds
// text; empty means "model default" and the key is left out.

export interface ParamField {
  key: string;
  label: string;
  kind: 'float' | 'int' | 'text' | 'list';
}

export const PARAM_FIELDS: ParamField[] = [
  { key: 'temperature', label: 'Temperature', kind: 'float' },
  { key: 'max_tokens', label: 'Max tokens', kind: 'int' },
  { key: 'top_p', label: 'Top P', kind: 'float' },
  { key: 'top_k', label: 'Top K', kind: 'int' },
  { key: 'min_p', label: 'Min P', kind: 'float' },
  { key: 'frequency_penalty', label: 'Frequency penalty', kind: 'float' },
  { key: 'presence_penalty', label: 'Presence penalty', kind: 'float' },
  { key: 'seed', label: 'Seed', kind: 'int' },
  { key: 'num_ctx', label: 'Context length', kind: 'int' },
  { key: 'reasoning_effort', label: 'Reasoning effort', kind: 'text' },
  { key: 'stop', label: 'Stop sequences', kind: 'list' }
];

/** Stored params as form text (`stop` as a comma-separated list, as the stock UI edits it). */
export function paramsToForm(params: Record<string, unknown> | undefined): Record<string, string> {
  const form: Record<string, string> = {};
  for (const f of PARAM_FIELDS) {
    const v = params?.[f.key];
    form[f.key] = v === undefined || v === null ? '' : Array.isArray(v) ? v.join(',') : String(v);
  }
  return form;
}

/**
 * The params the form describes, or the label of the first field that is not a valid number. Keys
 * this form does not edit are kept from `previous`, so settings made in the stock UI survive.
 */
export function formToParams(form: Record<string, string>, previous: Record<string, unknown> = {}): { params: Record<string, unknown> } | { invalid: string } {
  const params: Record<string, unknown> = { ...previous };
  for (const f of PARAM_FIELDS) {
    const text = (form[f.key] ?? '').trim();
    delete params[f.key];
    if (!text) continue;
    if (f.kind === 'text') params[f.key] = text;
    else if (f.kind === 'list') params[f.key] = text.split(',').filter((s) => s);
    else {
      const n = Number(text);
      if (!Number.isFinite(n) || (f.kind === 'int' && !Number.isInteger(n))) return { invalid: f.label };
      params[f.key] = n;
    }
  }
  return { params };
}
