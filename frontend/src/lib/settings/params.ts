// The model parameters of Settings › General and the model editor, under the stock UI's `ui.params`
// keys. The form holds text; empty means "model default" and the key is left out.

export interface ParamField {
  key: string;
  label: string;
  /** `flag`: '' (default), 'true' or 'false', stored as a boolean */
  kind: 'float' | 'int' | 'text' | 'list' | 'flag';
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

/** Options only Ollama models take (sent in Ollama's `options`, or at its top level for keep_alive, format and think). */
export const OLLAMA_PARAM_FIELDS: ParamField[] = [
  { key: 'keep_alive', label: 'Keep alive', kind: 'text' },
  { key: 'format', label: 'Answer format (json or a JSON schema)', kind: 'text' },
  { key: 'think', label: 'Thinking', kind: 'flag' },
  { key: 'mirostat', label: 'Mirostat', kind: 'int' },
  { key: 'mirostat_eta', label: 'Mirostat eta', kind: 'float' },
  { key: 'mirostat_tau', label: 'Mirostat tau', kind: 'float' },
  { key: 'repeat_last_n', label: 'Repeat last N', kind: 'int' },
  { key: 'repeat_penalty', label: 'Repeat penalty', kind: 'float' },
  { key: 'tfs_z', label: 'Tail free sampling (tfs_z)', kind: 'float' },
  { key: 'num_keep', label: 'Tokens to keep (num_keep)', kind: 'int' },
  { key: 'num_batch', label: 'Batch size (num_batch)', kind: 'int' },
  { key: 'num_thread', label: 'CPU threads (num_thread)', kind: 'int' },
  { key: 'num_gpu', label: 'GPU layers (num_gpu)', kind: 'int' },
  { key: 'use_mmap', label: 'Memory-map the model (use_mmap)', kind: 'flag' },
  { key: 'use_mlock', label: 'Lock the model in memory (use_mlock)', kind: 'flag' }
];

const ALL_FIELDS = [...PARAM_FIELDS, ...OLLAMA_PARAM_FIELDS];

function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(',');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Stored params as form text (`stop` as a comma-separated list, as the stock UI edits it). */
export function paramsToForm(params: Record<string, unknown> | undefined): Record<string, string> {
  const form: Record<string, string> = {};
  for (const f of ALL_FIELDS) form[f.key] = asText(params?.[f.key]);
  return form;
}

/**
 * The params the form describes, or the label of the first field that is not a valid number. Keys
 * this form does not edit are kept from `previous`, so settings made in the stock UI survive.
 */
export function formToParams(form: Record<string, string>, previous: Record<string, unknown> = {}): { params: Record<string, unknown> } | { invalid: string } {
  const params: Record<string, unknown> = { ...previous };
  for (const f of ALL_FIELDS) {
    const text = (form[f.key] ?? '').trim();
    delete params[f.key];
    if (!text) continue;
    if (f.kind === 'text') params[f.key] = text;
    else if (f.kind === 'flag') params[f.key] = text === 'true';
    else if (f.kind === 'list') params[f.key] = text.split(',').filter((s) => s);
    else {
      const n = Number(text);
      if (!Number.isFinite(n) || (f.kind === 'int' && !Number.isInteger(n))) return { invalid: f.label };
      params[f.key] = n;
    }
  }
  return { params };
}
