import { describe, expect, it } from 'vitest';
import { chatParamsToForm, completionParams, formToChatParams, stopList, systemPrompt } from '../src/lib/chat/chatParams';

describe('chat controls params', () => {
  it("puts the chat's params over the user's and sends stop as a list", () => {
    const merged = completionParams({ temperature: 0.7, max_tokens: 100, stop: ['END'] }, { system: 'Be brief', temperature: 0.1, seed: 7, stop: 'a, b' });
    expect(merged).toEqual({ temperature: 0.1, max_tokens: 100, seed: 7, stop: ['a', 'b'] });
  });

  it("keeps the user's params and stop list when the chat sets none, and drops empty values", () => {
    expect(completionParams({ top_p: 0.9, stop: ['X'] }, { temperature: null, top_k: '' })).toEqual({ top_p: 0.9, stop: ['X'] });
    expect(completionParams(undefined, undefined)).toEqual({});
  });

  it("uses the chat's system prompt when it has one, else the user's", () => {
    expect(systemPrompt('user prompt', { system: 'chat prompt' })).toBe('chat prompt');
    expect(systemPrompt('user prompt', { system: '  ' })).toBe('user prompt');
    expect(systemPrompt(undefined, {})).toBeUndefined();
  });

  it('stores the form as the stock chat does: stop as text, system only when set, numbers checked', () => {
    const form = { ...chatParamsToForm({}), system: 'Pirate', temperature: '0.2', stop: 'x,y', seed: '' };
    expect(formToChatParams(form)).toEqual({ params: { system: 'Pirate', temperature: 0.2, stop: 'x,y' } });
    expect(formToChatParams({ ...form, system: '', temperature: '' }, { system: 'old', temperature: 1, custom: 3 })).toEqual({ params: { stop: 'x,y', custom: 3 } });
    expect(formToChatParams({ ...form, seed: '1.5' })).toEqual({ invalid: 'Seed' });
  });

  it('reads stored params back into the form, stop from text or a list', () => {
    expect(chatParamsToForm({ system: 'S', top_k: 40, stop: 'a,b' })).toMatchObject({ system: 'S', top_k: '40', stop: 'a,b' });
    expect(chatParamsToForm({ stop: ['c'] }).stop).toBe('c');
    expect(stopList(' , ')).toBeUndefined();
  });
});
