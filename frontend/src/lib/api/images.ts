// Admin › Images: Open WebUI's two settings objects (/api/v1/images/config, nested by engine, and
// /api/v1/images/image/config) seen as one flat form. Keys are `section.KEY` (top-level ones bare);
// the ComfyUI node mapping is one comma-separated id list per node type (`node.prompt`...).
import { get, post } from './http';

type Config = Record<string, unknown>;

const SECTIONS = ['openai', 'automatic1111', 'comfyui', 'gemini'] as const;
/** The node types the stock page maps, with the input each sets by default. */
export const NODE_TYPES: [string, string][] = [['prompt', 'text'], ['model', 'ckpt_name'], ['width', 'width'], ['height', 'height'], ['steps', 'steps'], ['seed', 'seed']];

export function flattenImageConfig(config: Config, generation: Config): Config {
  const flat: Config = { enabled: config.enabled, engine: config.engine, prompt_generation: config.prompt_generation };
  for (const section of SECTIONS) {
    for (const [key, value] of Object.entries((config[section] as Config) ?? {})) {
      if (key !== 'COMFYUI_WORKFLOW_NODES') flat[`${section}.${key}`] = value;
    }
  }
  const nodes = ((config.comfyui as Config)?.COMFYUI_WORKFLOW_NODES as { type?: string; node_ids?: string[] }[]) ?? [];
  for (const [type] of NODE_TYPES) flat[`node.${type}`] = nodes.find((n) => n.type === type)?.node_ids ?? [];
  for (const [key, value] of Object.entries(generation)) flat[`image.${key}`] = value;
  return flat;
}

export function unflattenImageConfig(flat: Config): { config: Config; generation: Config } {
  const config: Config = { enabled: flat.enabled === true, engine: flat.engine, prompt_generation: flat.prompt_generation === true };
  const generation: Config = {};
  for (const section of SECTIONS) config[section] = {};
  for (const [key, value] of Object.entries(flat)) {
    const [section, name] = key.split('.', 2);
    if (name === undefined || section === 'node') continue;
    if (section === 'image') generation[name] = value;
    else (config[section] as Config)[name] = value;
  }
  (config.comfyui as Config).COMFYUI_WORKFLOW_NODES = NODE_TYPES.map(([type, key]) => ({ type, key, node_ids: (flat[`node.${type}`] as string[]) ?? [] }));
  return { config, generation };
}

export const images = {
  async load(): Promise<Config> {
    const [config, generation] = await Promise.all([get<Config>('/api/v1/images/config'), get<Config>('/api/v1/images/image/config')]);
    return flattenImageConfig(config, generation);
  },
  /** Saves the engine settings first (the model may need its engine), then the generation defaults. */
  async save(flat: Config): Promise<Config> {
    const { config, generation } = unflattenImageConfig(flat);
    const savedConfig = await post<Config>('/api/v1/images/config/update', config);
    const savedGeneration = await post<Config>('/api/v1/images/image/config/update', generation);
    return flattenImageConfig(savedConfig, savedGeneration);
  }
};
