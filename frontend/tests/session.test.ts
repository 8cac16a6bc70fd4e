import { describe, expect, it } from 'vitest';
import { can, defaultModelIds, session } from '../src/lib/session.svelte';
import type { SessionUser } from '../src/lib/types';

const user = (role: SessionUser['role'], permissions?: SessionUser['permissions']): SessionUser => ({ id: 'u', name: 'U', email: 'u@x.y', role, token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '', permissions });

describe('can', () => {
  it('lets admins do everything and nobody without a session', () => {
    session.user = null;
    expect(can('chat', 'share')).toBe(false);
    session.user = user('admin', { chat: { share: false } });
    expect(can('chat', 'share')).toBe(true);
  });

  it('follows explicit flags for users and allows what is not mentioned', () => {
    session.user = user('user', { chat: { share: false, delete: true }, workspace: { prompts: true } });
    expect(can('chat', 'share')).toBe(false);
    expect(can('chat', 'delete')).toBe(true);
    expect(can('workspace', 'prompts')).toBe(true);
    expect(can('chat', 'edit')).toBe(true);
  });
});

describe('defaultModelIds', () => {
  it('never falls back to an arena model', () => {
    session.settings = {};
    session.config = null as never;
    session.models = [
      { id: 'arena-model', name: 'Arena Model', arena: true },
      { id: 'gpt', name: 'GPT' }
    ];
    expect(defaultModelIds()).toEqual(['gpt']);
    session.models = [{ id: 'arena-model', name: 'Arena Model', arena: true }];
    expect(defaultModelIds()).toEqual(['arena-model']);
  });
});
