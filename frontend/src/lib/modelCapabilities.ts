// A model's `meta.capabilities` as v0.6.32 stores them: every switch on unless turned off, except
// `usage` (ask the provider for token counts), which stays unset until chosen.
export const CAPABILITIES = [
  { key: 'vision', label: 'Vision' },
  { key: 'file_upload', label: 'File upload' },
  { key: 'web_search', label: 'Web search' },
  { key: 'image_generation', label: 'Image generation' },
  { key: 'code_interpreter', label: 'Code interpreter' },
  { key: 'usage', label: 'Usage' },
  { key: 'citations', label: 'Citations' },
  { key: 'status_updates', label: 'Status updates' }
] as const;

export type Capabilities = Partial<Record<(typeof CAPABILITIES)[number]['key'], boolean>>;

export function withDefaults(stored: unknown): Capabilities {
  const defaults: Capabilities = { vision: true, file_upload: true, web_search: true, image_generation: true, code_interpreter: true, citations: true, status_updates: true };
  return { ...defaults, ...(stored && typeof stored === 'object' ? (stored as Capabilities) : {}) };
}

/** The stock editor's placeholder avatar, which "Reset" puts back. */
export const DEFAULT_MODEL_AVATAR = '/static/favicon.png';
