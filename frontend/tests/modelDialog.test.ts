// Admin › Models › Edit: avatar and capabilities saved in meta as v0.6.32 stores them.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelPreset } from '../src/lib/api/admin';

vi.mock('../src/lib/chat/images', () => ({ readImage: vi.fn(async () => 'data:image/png;base64,QUJD') }));
const ModelDialog = (await import('../src/components/admin/ModelDialog.svelte')).default;
const { withDefaults } = await import('../src/lib/modelCapabilities');

afterEach(cleanup);

const preset = (meta: Record<string, unknown>): ModelPreset => ({ id: 'gpt-4o', base_model_id: null, name: 'GPT-4o', meta: { description: null, ...meta }, params: {}, access_control: null, is_active: true }) as ModelPreset;

function open(meta: Record<string, unknown>) {
  const onsave = vi.fn();
  render(ModelDialog, { preset: preset(meta), onclose: () => {}, onsave });
  return onsave;
}

describe('model editor avatar and capabilities', () => {
  it('fills in the stock defaults: all on, usage unset', () => {
    expect(withDefaults(undefined)).toEqual({ vision: true, file_upload: true, web_search: true, image_generation: true, code_interpreter: true, citations: true, status_updates: true });
    expect(withDefaults({ vision: false, usage: true })).toMatchObject({ vision: false, usage: true, citations: true });
  });

  it('saves switched capabilities and an uploaded avatar in meta', async () => {
    const onsave = open({ profile_image_url: '/static/favicon.png', capabilities: { citations: false } });
    expect((screen.getByRole('checkbox', { name: 'Citations' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Usage' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('button', { name: 'Reset avatar' })).toBeNull();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Vision' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Usage' }));
    const file = new File(['png'], 'logo.png', { type: 'image/png' });
    await fireEvent.change(screen.getByLabelText('Model avatar file'), { target: { files: [file] } });
    await vi.waitFor(() => expect(screen.getByRole('img', { name: 'Model avatar' }).getAttribute('src')).toBe('data:image/png;base64,QUJD'));
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const saved = onsave.mock.calls[0][0] as ModelPreset;
    expect(saved.meta.profile_image_url).toBe('data:image/png;base64,QUJD');
    expect(saved.meta.capabilities).toEqual({ vision: false, file_upload: true, web_search: true, image_generation: true, code_interpreter: true, citations: false, status_updates: true, usage: true });
  });

  it('resets a custom avatar to the default placeholder', async () => {
    const onsave = open({ profile_image_url: 'data:image/png;base64,WFla' });
    await fireEvent.click(screen.getByRole('button', { name: 'Reset avatar' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((onsave.mock.calls[0][0] as ModelPreset).meta.profile_image_url).toBe('/static/favicon.png');
  });

  it('edits the further parameters, keeps the ones it does not show, and refuses a bad number', async () => {
    const onsave = vi.fn();
    render(ModelDialog, { preset: { ...preset({}), params: { system: 'Be brief.', temperature: 0.5, mirostat: 2 } } as ModelPreset, onclose: () => {}, onsave });
    expect(screen.queryByRole('textbox', { name: 'Top P' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'More parameters' }));
    await fireEvent.input(screen.getByRole('textbox', { name: 'Top P' }), { target: { value: '0.9' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Stop sequences' }), { target: { value: '###,END' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Seed' }), { target: { value: 'abc' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Seed must be a number');
    expect(onsave).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Seed' }), { target: { value: '42' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((onsave.mock.calls[0][0] as ModelPreset).params).toEqual({ system: 'Be brief.', temperature: 0.5, mirostat: 2, top_p: 0.9, stop: ['###', 'END'], seed: 42 });
  });
});
