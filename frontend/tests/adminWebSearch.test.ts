import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSearchTab from '../src/components/admin/WebSearchTab.svelte';
import { toasts } from '../src/lib/toast.svelte';

const web = {
  ENABLE_WEB_SEARCH: false, WEB_SEARCH_ENGINE: 'searxng', SEARXNG_QUERY_URL: 'http://searx:8080/search?q=<query>',
  GOOGLE_PSE_API_KEY: '', GOOGLE_PSE_ENGINE_ID: '', BRAVE_SEARCH_API_KEY: 'old-brave', WEB_SEARCH_RESULT_COUNT: 3,
  WEB_SEARCH_CONCURRENT_REQUESTS: 10, WEB_SEARCH_DOMAIN_FILTER_LIST: [], BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL: false,
  ENABLE_WEB_LOADER_SSL_VERIFICATION: true, ENABLE_RAG_LOCAL_WEB_FETCH: false, WEB_LOADER_LOCAL_ALLOWLIST: [],
  PLAYWRIGHT_WS_URL: 'ws://keep-me'
};
let posts: any[] = [];

function stubFetch(refuse?: string) {
  posts = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/v1/retrieval/config') return new Response(JSON.stringify({ status: true, CHUNK_SIZE: 1000, web }));
    if (url === '/api/v1/retrieval/config/update') {
      const body = JSON.parse(init.body as string);
      posts.push(body);
      if (refuse) return new Response(JSON.stringify({ detail: refuse }), { status: 400 });
      return new Response(JSON.stringify({ status: true, CHUNK_SIZE: 1000, web: { ...web, ...body.web } }));
    }
    return new Response('{}', { status: 404 });
  }));
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  toasts.splice(0);
});

describe('Admin > Web Search', () => {
  it('shows the loaded settings with the chosen engine\'s own fields', async () => {
    stubFetch();
    render(WebSearchTab);
    expect((await screen.findByLabelText('Web search engine') as HTMLSelectElement).value).toBe('searxng');
    expect(field('SearXNG query URL').value).toBe('http://searx:8080/search?q=<query>');
    expect(field('Search result count').value).toBe('3');
    expect(field('Verify SSL certificates of fetched pages').checked).toBe(true);
    expect(screen.queryByLabelText('Brave Search API key')).toBeNull();
  });

  it('saves only the web keys it edits, under web', async () => {
    stubFetch();
    render(WebSearchTab);
    await fireEvent.click(await screen.findByLabelText('Web search'));
    await fireEvent.change(field('Web search engine'), { target: { value: 'google_pse' } });
    await fireEvent.input(field('Google PSE API key'), { target: { value: 'pse-key' } });
    await fireEvent.input(field('Google PSE engine id'), { target: { value: 'cx-1' } });
    await fireEvent.input(field('Search result count'), { target: { value: '5' } });
    await fireEvent.input(field('Domain filter list (comma separated, empty = all)'), { target: { value: 'wikipedia.org, python.org' } });
    await fireEvent.click(field('Bypass embedding and retrieval (use whole pages)'));
    await fireEvent.click(field('Allow fetching pages at private addresses'));
    await fireEvent.input(field('Private hosts allowed (comma separated)'), { target: { value: 'wiki.intranet' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(posts).toHaveLength(1));
    expect(Object.keys(posts[0])).toEqual(['web']);
    expect(posts[0].web).toEqual({
      ENABLE_WEB_SEARCH: true, WEB_SEARCH_ENGINE: 'google_pse', SEARXNG_QUERY_URL: 'http://searx:8080/search?q=<query>',
      GOOGLE_PSE_API_KEY: 'pse-key', GOOGLE_PSE_ENGINE_ID: 'cx-1', BRAVE_SEARCH_API_KEY: 'old-brave', WEB_SEARCH_RESULT_COUNT: 5,
      WEB_SEARCH_CONCURRENT_REQUESTS: 10, WEB_SEARCH_DOMAIN_FILTER_LIST: ['wikipedia.org', 'python.org'],
      BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL: true, ENABLE_WEB_LOADER_SSL_VERIFICATION: true,
      ENABLE_RAG_LOCAL_WEB_FETCH: true, WEB_LOADER_LOCAL_ALLOWLIST: ['wiki.intranet']
    });
    await waitFor(() => expect(toasts.map((t) => t.text)).toContain('Web search settings saved'));
  });

  it('refuses a result count that is not a number without asking the server', async () => {
    stubFetch();
    render(WebSearchTab);
    await fireEvent.input(await screen.findByLabelText('Search result count'), { target: { value: 'many' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(posts).toHaveLength(0);
    expect(toasts.some((t) => t.kind === 'error')).toBe(true);
  });

  it('shows the server\'s reason when the save is refused', async () => {
    stubFetch('WEB_SEARCH_RESULT_COUNT must be an integer');
    render(WebSearchTab);
    await screen.findByLabelText('Web search engine');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(toasts).toContainEqual(expect.objectContaining({ kind: 'error', text: 'WEB_SEARCH_RESULT_COUNT must be an integer' })));
  });
});
