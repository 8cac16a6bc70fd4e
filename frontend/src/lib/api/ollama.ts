import { ApiError, del, get, openStream, post } from './http';
import { progressOf, readNdjson, type PullProgress } from '../ollama';

export interface OllamaConfig {
  ENABLE_OLLAMA_API: boolean;
  OLLAMA_BASE_URLS: string[];
  OLLAMA_API_CONFIGS: Record<string, Record<string, unknown>>;
}

export interface OllamaModel {
  name: string;
  model: string;
  size?: number;
  details?: Record<string, unknown>;
}

const idx = (i: number | undefined) => (i === undefined ? '' : `/${i}`);

export const ollama = {
  config: () => get<OllamaConfig>('/ollama/config'),
  saveConfig: (config: OllamaConfig) => post<OllamaConfig>('/ollama/config/update', config),
  verify: (url: string, key: string) => post<{ version: string }>('/ollama/verify', { url, key }),
  tags: (urlIdx?: number) => get<{ models: OllamaModel[] }>(`/ollama/api/tags${idx(urlIdx)}`),
  remove: (name: string, urlIdx?: number) => del<boolean>(`/ollama/api/delete${idx(urlIdx)}`, { name }),
  show: (name: string) => post<Record<string, unknown>>('/ollama/api/show', { name }),

  /** Pulls a model, reporting each progress line; resolves once Ollama says "success". */
  async pull(name: string, urlIdx: number | undefined, onProgress: (p: PullProgress) => void, signal?: AbortSignal): Promise<void> {
    const body = await openStream('POST', `/ollama/api/pull${idx(urlIdx)}`, { name, stream: true }, { signal, accept: '*/*' });
    let last: PullProgress | null = null;
    await readNdjson(body, (line) => {
      last = progressOf(line);
      onProgress(last);
    });
    const final = last as PullProgress | null;
    if (final?.error) throw new ApiError(502, final.error);
    if (!final?.done) throw new ApiError(502, 'The pull ended before Ollama reported success');
  }
};
