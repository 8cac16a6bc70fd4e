import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AuthPage from '../src/components/AuthPage.svelte';
import { session } from '../src/lib/session.svelte';
import type { AppConfig } from '../src/lib/types';

vi.mock('../src/lib/socket', () => ({ joinUser: () => {}, connectSocket: () => {}, onChatEvent: () => () => {} }));

function config(features: AppConfig['features'], extra: Partial<AppConfig> = {}): AppConfig {
  return { status: true, name: 'Acme Chat', version: '0.6.32', features: { enable_login_form: true, ...features }, oauth: { providers: {} }, ...extra };
}

const calls: { url: string; body: any }[] = [];
function stubFetch() {
  calls.length = 0;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, body: init.body ? JSON.parse(init.body as string) : undefined });
    if (url === '/api/v1/auths/') return new Response(JSON.stringify({ detail: 'Not authenticated' }), { status: 403 });
    if (url === '/api/v1/auths/ldap') return new Response(JSON.stringify({ detail: 'LDAP authentication failed' }), { status: 400 });
    if (url === '/api/v1/auths/signin') return new Response(JSON.stringify({ token: 't', token_type: 'Bearer', expires_at: null, id: 'u', email: 'h@x.io', name: 'H', role: 'pending', profile_image_url: '' }));
    if (url === '/api/config') return new Response(JSON.stringify(session.config));
    return new Response('{}', { status: 200 });
  }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AuthPage', () => {
  it('shows SSO links and an LDAP switch when the server enables them', async () => {
    stubFetch();
    session.config = config({ enable_ldap: true, enable_signup: false }, { oauth: { providers: { oidc: 'Company SSO', github: 'GitHub' } } });
    render(AuthPage);
    expect(screen.getByRole('heading').textContent).toBe('Sign in to Acme Chat');
    expect(screen.getByRole('link', { name: 'Continue with Company SSO' }).getAttribute('href')).toBe('/oauth/oidc/login');
    expect(screen.getByRole('link', { name: 'Continue with GitHub' }).getAttribute('href')).toBe('/oauth/github/login');
    expect(screen.queryByRole('button', { name: 'Sign up' })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Continue with LDAP' }));
    await fireEvent.input(screen.getByLabelText('Username'), { target: { value: 'jdoe' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Authenticate' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('LDAP authentication failed'));
    expect(calls.find((c) => c.url === '/api/v1/auths/ldap')?.body).toEqual({ user: 'jdoe', password: 'pw' });
  });

  it('offers sign-up only when enabled, and asks for the password twice when configured', async () => {
    stubFetch();
    session.config = config({ enable_signup: true, enable_signup_password_confirmation: true });
    render(AuthPage);
    await fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Zed' } });
    await fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'z@x.io' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'one' } });
    await fireEvent.input(screen.getByLabelText('Confirm password'), { target: { value: 'two' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create Account' }));
    expect(screen.getByRole('alert').textContent).toBe('Passwords do not match');
    expect(calls.some((c) => c.url === '/api/v1/auths/signup')).toBe(false);
  });

  it('hides the form when the login form is disabled', () => {
    stubFetch();
    session.config = config({ enable_login_form: false }, { oauth: { providers: { oidc: 'SSO' } } });
    render(AuthPage);
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('link', { name: 'Continue with SSO' })).toBeTruthy();
  });

  it('signs in without a form in trusted-header mode', async () => {
    stubFetch();
    session.config = config({ auth_trusted_header: true });
    render(AuthPage);
    await waitFor(() => expect(session.user?.role).toBe('pending'));
    expect(calls.find((c) => c.url === '/api/v1/auths/signin')?.body).toEqual({ email: '', password: '' });
    expect(localStorage.getItem('token')).toBe('t');
  });
});
