// Admin › Web Search: the `web` block of the retrieval settings (file-service, docs/web-search.md).
// Only the keys the page edits are sent back; the server keeps every other setting as it is.
import { get, post } from './http';

type Config = Record<string, unknown>;

export const webSearchConfig = {
  load: async (): Promise<Config> => ((await get<Config>('/api/v1/retrieval/config')).web as Config) ?? {},
  async save(web: Config, keys: string[]): Promise<Config> {
    const edited = Object.fromEntries(keys.filter((k) => k in web).map((k) => [k, web[k]]));
    return ((await post<Config>('/api/v1/retrieval/config/update', { web: edited })).web as Config) ?? {};
  }
};
