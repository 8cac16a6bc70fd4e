// Code execution (/api/v1/utils/code): the Jupyter engine's "Run"; its admin settings (/api/v1/configs/code_execution).
import { get, post } from './http';
import type { CodeOutput } from '../code/answer';

const CONFIG = '/api/v1/configs/code_execution';

export const code = {
  execute: (source: string) => post<CodeOutput>('/api/v1/utils/code/execute', { code: source }),
  config: () => get<Record<string, unknown>>(CONFIG),
  save: (c: Record<string, unknown>) => post<Record<string, unknown>>(CONFIG, c)
};
