// The message box's web search switch (docs/web-search.md): offered when the server enables web
// search (/api/config features.enable_web_search) and the user's permissions allow it; sent as
// `features.web_search` with each completion.
import { can, session } from '../session.svelte';

export const webSearch = $state({ on: false });

export function webSearchAvailable(): boolean {
  return session.config?.features?.enable_web_search === true && can('features', 'web_search');
}

/** What `features.web_search` says for the next completion. */
export function webSearchFeature(): boolean {
  return webSearch.on && webSearchAvailable();
}
