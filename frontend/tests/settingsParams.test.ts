import { describe, expect, it } from 'vitest';
import { formToParams, paramsToForm } from '../src/lib/settings/params';

describe('model parameters form', () => {
  it('writes the stock keys, numbers as numbers, stop as a list, and keeps keys it does not edit', () => {
    const form = { ...paramsToForm({}), temperature: '0.7', top_k: '40', seed: '42', stop: '</s>,###', reasoning_effort: 'low', num_ctx: '8192' };
    expect(formToParams(form, { function_calling: 'native', top_p: 0.5 })).toEqual({
      params: { function_calling: 'native', temperature: 0.7, top_k: 40, seed: 42, stop: ['</s>', '###'], reasoning_effort: 'low', num_ctx: 8192 }
    });
  });

  it('reads stored params back into the form', () => {
    expect(paramsToForm({ stop: ['a', 'b'], min_p: 0.05, frequency_penalty: 0 })).toMatchObject({ stop: 'a,b', min_p: '0.05', frequency_penalty: '0', presence_penalty: '' });
  });

  it('names the first field that is not a valid number', () => {
    expect(formToParams({ ...paramsToForm({}), top_p: 'lots' })).toEqual({ invalid: 'Top P' });
    expect(formToParams({ ...paramsToForm({}), seed: '1.5' })).toEqual({ invalid: 'Seed' });
  });

  it('saves the Ollama-only options under the stock keys, flags as booleans, and reads them back', () => {
    const form = { ...paramsToForm({}), keep_alive: '10m', mirostat: '2', mirostat_tau: '4.5', use_mmap: 'false', think: 'true', num_gpu: '0', format: 'json' };
    const result = formToParams(form, { custom_params: { x: 1 } });
    expect(result).toEqual({ params: { custom_params: { x: 1 }, keep_alive: '10m', mirostat: 2, mirostat_tau: 4.5, use_mmap: false, think: true, num_gpu: 0, format: 'json' } });
    expect(paramsToForm({ use_mlock: true, use_mmap: false, format: { type: 'object' }, num_batch: 512 })).toMatchObject({
      use_mlock: 'true', use_mmap: 'false', format: '{"type":"object"}', num_batch: '512', keep_alive: '', think: ''
    });
    expect(formToParams({ ...paramsToForm({}), num_thread: '2.5' })).toEqual({ invalid: 'CPU threads (num_thread)' });
  });
});
