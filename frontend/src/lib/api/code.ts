// Code execution on the server (/api/v1/utils/code): the Jupyter engine's "Run".
import { post } from './http';
import type { CodeOutput } from '../code/answer';

export const code = {
  execute: (source: string) => post<CodeOutput>('/api/v1/utils/code/execute', { code: source })
};
