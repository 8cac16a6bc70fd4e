// Admin › Pipelines: the Pipelines servers among the OpenAI connections (docs/pipelines.md).
import { ApiError, del, errorDetail, get, post, token } from './http';

export interface PipelineServer {
  url: string;
  idx: number;
}

export interface Pipeline {
  id: string;
  name: string;
  type?: string;
  valves?: boolean;
}

/** A valves JSON schema as Pipelines serves it (pydantic): only the parts the form needs. */
export interface ValvesSpec {
  properties?: Record<string, { title?: string; type?: string; description?: string; enum?: unknown[] }>;
  required?: string[];
}

const enc = encodeURIComponent;

export const pipelines = {
  servers: async () => (await get<{ data: PipelineServer[] }>('/api/v1/pipelines/list')).data,
  list: async (urlIdx: number) => (await get<{ data: Pipeline[] }>('/api/v1/pipelines/', { query: { urlIdx } })).data ?? [],
  valves: (id: string, urlIdx: number) => get<Record<string, unknown> | null>(`/api/v1/pipelines/${enc(id)}/valves`, { query: { urlIdx } }),
  spec: (id: string, urlIdx: number) => get<ValvesSpec | null>(`/api/v1/pipelines/${enc(id)}/valves/spec`, { query: { urlIdx } }),
  updateValves: (id: string, urlIdx: number, values: Record<string, unknown>) =>
    post<Record<string, unknown>>(`/api/v1/pipelines/${enc(id)}/valves/update`, values, { query: { urlIdx } }),
  add: (url: string, urlIdx: number) => post<{ status?: boolean; detail?: string }>('/api/v1/pipelines/add', { url, urlIdx }),
  remove: (id: string, urlIdx: number) => del<{ status?: boolean; detail?: string }>('/api/v1/pipelines/delete', { id, urlIdx }),
  /** Multipart upload of a `.py` file to the server behind `urlIdx`. */
  async upload(file: File, urlIdx: number): Promise<{ status?: boolean; detail?: string }> {
    const form = new FormData();
    form.append('urlIdx', String(urlIdx));
    form.append('file', file);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const stored = token.get();
    if (stored) headers.Authorization = `Bearer ${stored}`;
    let res: Response;
    try {
      res = await fetch('/api/v1/pipelines/upload', { method: 'POST', headers, credentials: 'include', body: form });
    } catch {
      throw new ApiError(0, errorDetail(null, 0));
    }
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, errorDetail(body, res.status));
    return body ?? {};
  }
};

export interface ValveField {
  key: string;
  title: string;
  type: 'boolean' | 'number' | 'integer' | 'text' | 'list';
  description?: string;
  options?: string[];
  value: string | boolean;
}

/** The form of a pipeline's valves: one field per property of the spec, filled with the current values. */
export function valveFields(spec: ValvesSpec | null, values: Record<string, unknown> | null): ValveField[] {
  return Object.entries(spec?.properties ?? {}).map(([key, p]) => {
    const type = p.type === 'boolean' || p.type === 'number' || p.type === 'integer' ? p.type : p.type === 'array' ? 'list' : 'text';
    const current = values?.[key];
    const value =
      type === 'boolean' ? current === true : Array.isArray(current) ? current.join(', ') : current === undefined || current === null ? '' : String(current);
    return { key, title: p.title ?? key, type, description: p.description, options: p.enum?.map(String), value };
  });
}

/** The values to save; a number field that is not a number is reported by its title. */
export function valveValues(fields: ValveField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === 'boolean') out[f.key] = f.value === true;
    else if (f.type === 'list') out[f.key] = String(f.value).split(',').map((s) => s.trim()).filter(Boolean);
    else if (f.type === 'number' || f.type === 'integer') {
      const text = String(f.value).trim();
      if (text === '') {
        out[f.key] = null;
        continue;
      }
      const n = Number(text);
      if (!Number.isFinite(n) || (f.type === 'integer' && !Number.isInteger(n))) throw new Error(`${f.title}: not ${f.type === 'integer' ? 'a whole number' : 'a number'}`);
      out[f.key] = n;
    } else out[f.key] = f.value;
  }
  return out;
}
