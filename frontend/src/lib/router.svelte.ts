// A tiny history-API router: the gateway falls back to index.html for unknown paths.

export type Route = { name: 'auth' } | { name: 'admin' } | { name: 'prompts' } | { name: 'knowledge' } | { name: 'models' } | { name: 'tools' } | { name: 'chat'; id: string | null } | { name: 'shared'; id: string } | { name: 'notes'; id: string | null } | { name: 'channel'; id: string } | { name: 'notfound' };

export function parseRoute(path: string): Route {
  if (path === '/auth') return { name: 'auth' };
  if (path === '/admin') return { name: 'admin' };
  if (path === '/workspace/prompts') return { name: 'prompts' };
  if (path === '/workspace/knowledge') return { name: 'knowledge' };
  if (path === '/workspace/models') return { name: 'models' };
  if (path === '/workspace/tools') return { name: 'tools' };
  if (path === '/' || path === '') return { name: 'chat', id: null };
  if (path === '/notes') return { name: 'notes', id: null };
  const n = /^\/notes\/([^/]+)$/.exec(path);
  if (n) return { name: 'notes', id: decodeURIComponent(n[1]) };
  const ch = /^\/channels\/([^/]+)$/.exec(path);
  if (ch) return { name: 'channel', id: decodeURIComponent(ch[1]) };
  const m = /^\/c\/([^/]+)$/.exec(path);
  if (m) return { name: 'chat', id: decodeURIComponent(m[1]) };
  const s = /^\/s\/([^/]+)$/.exec(path);
  if (s) return { name: 'shared', id: decodeURIComponent(s[1]) };
  return { name: 'notfound' };
}

/** `visits` counts navigations, also to the path already shown (a click on the open chat's link). */
export const location$ = $state({ path: window.location.pathname, search: window.location.search, visits: 0 });

export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState({}, '', url);
  else history.pushState({}, '', url);
  location$.path = window.location.pathname;
  location$.search = window.location.search;
  location$.visits++;
}

window.addEventListener('popstate', () => {
  location$.path = window.location.pathname;
  location$.search = window.location.search;
});
