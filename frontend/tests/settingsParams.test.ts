import { describe, expect, it } from 'vitest';
import { formToParams, paramsToForm } from '../src/lib/settings/params';

describe('model parameters form', () => {
  it('writes the stock keys, numbers as numbers, stop as a list, and keeps keys it does not edit', () => {
    const form = { ...paramsToForm({}), temperature: '0.7', top_k: '40', seed: '42', stop: '</s>,###', reasoning_effort: 'low', num_ctx: '8192' };
    expect(formToParams(form, { mirostat: 1, top_p: 0.5 })).toEqual({
      params: { mirostat: 1, temperature: 0.7, top_k: 40, seed: 42, stop: ['</s>', '###'], reasoning_effort: 'low', num_ctx: 8192 }
    });
  });

  it('reads stored params back into the form', () => {
    expect(paramsToForm({ stop: ['a', 'b'], min_p: 0.05, frequency_penalty: 0 })).toMatchObject({ stop: 'a,b', min_p: '0.05', frequency_penalty: '0', presence_penalty: '' });
  });

  it('names the first field that is not a valid number', () => {
    expect(formToParams({ ...paramsToForm({}), top_p: 'lots' })).toEqual({ invalid: 'Top P' });
    expect(formToParams({ ...paramsToForm({}), seed: '1.5' })).toEqual({ invalid: 'Seed' });
  });
});
