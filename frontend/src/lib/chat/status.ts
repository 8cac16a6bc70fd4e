// The status lines of an answer (`status` chat events, docs/web-search.md): which one to show and
// its text, with web search's queries, site count and error reason filled in.

export interface StatusEvent {
  action?: string;
  description?: string;
  done?: boolean;
  hidden?: boolean;
  error?: boolean;
  queries?: string[];
  urls?: string[];
  items?: { link?: string; title?: string | null }[];
  count?: number;
  detail?: string;
}

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The latest status worth a line: not hidden, with a description or generated queries. */
export function currentStatus(history: StatusEvent[] | undefined): StatusEvent | undefined {
  return [...(history ?? [])].reverse().find((s) => !s.hidden && (s.description || s.queries?.length));
}

export function statusText(s: StatusEvent, t: Translate): string {
  if (s.action === 'web_search_queries_generated' && s.queries?.length) {
    return t('Searching "{{queries}}"', { queries: s.queries.join('", "') });
  }
  const text = t(s.description ?? '', { count: s.urls?.length ?? s.count ?? 0 });
  return s.error && s.detail ? `${text}: ${s.detail}` : text;
}

/** The sites a finished web search read, with their titles when the engine gave them. */
export function searchedSites(history: StatusEvent[] | undefined): { url: string; title: string }[] {
  const done = [...(history ?? [])].reverse().find((s) => s.action === 'web_search' && s.done && s.urls?.length);
  if (!done) return [];
  return done.urls!.map((url) => ({ url, title: done.items?.find((i) => i.link === url)?.title || url }));
}
