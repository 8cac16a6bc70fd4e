// Admin › Audio: Open WebUI's audio settings (`{"tts": {...}, "stt": {...}}`, docs/audio.md) seen
// as one flat form keyed `tts.KEY` / `stt.KEY`, and the models and voices the saved TTS engine offers.
import { get, post } from './http';

type Config = Record<string, unknown>;
const BLOCKS = ['tts', 'stt'] as const;

export interface Choice {
  id: string;
  name?: string;
}

export function flattenAudioConfig(config: Config): Config {
  const flat: Config = {};
  for (const block of BLOCKS) {
    for (const [key, value] of Object.entries((config[block] as Config) ?? {})) flat[`${block}.${key}`] = value;
  }
  return flat;
}

export function unflattenAudioConfig(flat: Config): Config {
  const config: Config = { tts: {}, stt: {} };
  for (const [key, value] of Object.entries(flat)) {
    const [block, name] = key.split('.', 2);
    if (name !== undefined && (BLOCKS as readonly string[]).includes(block)) (config[block] as Config)[name] = value;
  }
  return config;
}

export const audioConfig = {
  load: async (): Promise<Config> => flattenAudioConfig(await get<Config>('/api/v1/audio/config')),
  save: async (flat: Config): Promise<Config> => flattenAudioConfig(await post<Config>('/api/v1/audio/config/update', unflattenAudioConfig(flat))),
  models: async (): Promise<Choice[]> => (await get<{ models?: Choice[] }>('/api/v1/audio/models')).models ?? [],
  voices: async (): Promise<Choice[]> => (await get<{ voices?: Choice[] }>('/api/v1/audio/voices')).voices ?? []
};
