import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import MessagePane from '../src/components/channels/MessagePane.svelte';
import { session } from '../src/lib/session.svelte';

vi.mock('../src/lib/socket', () => ({ emitSocket: () => {}, onSocket: () => () => {} }));

beforeEach(() => {
  session.user = { id: 'u1', name: 'Ada', email: 'a@b.c', role: 'user', token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '' };
  vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('channel composer follows write_access', () => {
  it('offers the composer to members who may post', () => {
    render(MessagePane, { channelId: 'c1', label: 'Messages' });
    expect(screen.getByLabelText('Channel message')).toBeTruthy();
  });

  it('tells read-only members they cannot post instead of offering a composer that would fail', () => {
    render(MessagePane, { channelId: 'c1', label: 'Messages', canPost: false });
    expect(screen.queryByLabelText('Channel message')).toBeNull();
    expect(screen.getByText(/can read this channel but not post/)).toBeTruthy();
  });
});
