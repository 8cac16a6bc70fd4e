// App-wide state and the startup sequence of docs/contract.md.
import { app } from './api/app';
import { auths } from './api/auths';
import { ApiError, token } from './api/http';
import { setLocale, storedLocale } from './i18n.svelte';
import { connectSocket, joinUser } from './socket';
import { directModels, readConnections, withDirect } from './direct/connections';
import type { AppConfig, ModelEntry, SessionUser, UiSettings } from './types';

export const session = $state({
  status: 'loading' as 'loading' | 'ready' | 'error',
  error: '',
  config: null as AppConfig | null,
  user: null as SessionUser | null,
  models: [] as ModelEntry[],
  modelsError: '',
  /** Why some of the user's direct connections listed no models (Settings › Connections). */
  directErrors: [] as string[],
  settings: {} as UiSettings
});

/** Admins may do everything; users follow their effective permissions (docs/contract.md, Permissions), defaulting to allowed. */
export function can(section: string, flag: string): boolean {
  const u = session.user;
  if (!u) return false;
  if (u.role === 'admin') return true;
  return u.permissions?.[section]?.[flag] !== false;
}

export const isVerified = (u: SessionUser | null) => u?.role === 'admin' || u?.role === 'user';

export async function boot(): Promise<void> {
  // A chosen language is fetched beside the config, so the first screen is already translated.
  const language = storedLocale() === 'en-US' ? Promise.resolve() : setLocale(storedLocale()).catch(() => undefined);
  try {
    session.config = await app.config();
  } catch (e) {
    session.status = 'error';
    session.error = e instanceof ApiError ? e.detail : String(e);
    return;
  }
  connectSocket(session.config.features?.enable_websocket !== false);
  if (token.get()) {
    try {
      await acceptUser(await auths.session());
    } catch {
      token.clear();
      session.user = null;
    }
  }
  await language;
  session.status = 'ready';
}

/** After sign-in/up or a session check: store token, refresh config, load the app data. */
export async function acceptUser(user: SessionUser): Promise<void> {
  token.set(user.token);
  joinUser();
  session.config = await app.config();
  if (isVerified(user)) await loadAppData();
  session.user = user;
}

export async function loadAppData(): Promise<void> {
  // The server's models come beside the settings; the user's own connections (in the settings) after them.
  const [settings, server] = await Promise.all([app.settings().catch(() => null), serverModels()]);
  session.settings = settings?.ui ?? {};
  await showModels(server);
}

/** Whether the admin lets users add their own connections (docs/direct-connections.md). */
export const directEnabled = () => session.config?.features?.enable_direct_connections === true;

/** The server's models, then those this browser lists from the user's direct connections. */
export async function refreshModels(): Promise<void> {
  await showModels(await serverModels());
}

async function serverModels(): Promise<ModelEntry[] | { error: string }> {
  try {
    return await app.models();
  } catch (e) {
    return { error: e instanceof ApiError ? e.detail : String(e) };
  }
}

async function showModels(server: ModelEntry[] | { error: string }): Promise<void> {
  if (!Array.isArray(server)) {
    session.models = [];
    session.modelsError = server.error;
    return;
  }
  const own = directEnabled()
    ? await directModels(readConnections($state.snapshot(session.settings.directConnections)))
    : { models: [], failures: [] };
  session.models = withDirect(server, own.models);
  session.directErrors = own.failures;
  session.modelsError = '';
}

let settingsSaves: Promise<unknown> = Promise.resolve();

/**
 * Applies `patch` at once and saves the whole `ui` object. Saves go out one after another, each with
 * the settings as they are when it leaves, so quick successive changes cannot undo one another.
 */
export function saveSettings(patch: UiSettings): Promise<void> {
  session.settings = { ...session.settings, ...patch };
  const next = settingsSaves.then(() => app.saveSettings($state.snapshot(session.settings))).then(() => undefined);
  settingsSaves = next.catch(() => undefined);
  return next;
}

export async function signOut(): Promise<void> {
  try {
    await auths.signout();
  } finally {
    token.clear();
    // The anonymous config differs (sign-up switch, onboarding); fetch it before the auth page shows.
    session.config = await app.config().catch(() => session.config);
    session.user = null;
    session.models = [];
    session.settings = {};
  }
}

/**
 * Default model selection: the user's saved models, else the server's comma-separated default,
 * else the first model that is not an arena model (those route to another model at random).
 */
export function defaultModelIds(): string[] {
  const fromSettings = (session.settings.models ?? []).filter((id) => session.models.some((m) => m.id === id));
  if (fromSettings.length) return fromSettings;
  const fromConfig = (session.config?.default_models ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((id) => id && session.models.some((m) => m.id === id));
  if (fromConfig.length) return fromConfig;
  const first = session.models.find((m) => !m.arena) ?? session.models[0];
  return first ? [first.id] : [];
}
