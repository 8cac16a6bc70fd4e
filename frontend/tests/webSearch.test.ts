// Web search in our UI: the switch is offered only when the server and the user's permissions allow
// it, it is sent as features.web_search, and the status lines read Open WebUI's status events.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';

vi.mock('../src/lib/socket', () => ({
  onChatEvent: () => () => {},
  waitForSocketId: async () => 'sid-1',
  emitUsage: () => {},
  joinUser: () => {},
  connectSocket: () => {}
}));

const { newChat, send } = await import('../src/lib/chat/controller.svelte');
const { session } = await import('../src/lib/session.svelte');
const { webSearch, webSearchFeature } = await import('../src/lib/chat/webSearch.svelte');
const { currentStatus, searchedSites, statusText } = await import('../src/lib/chat/status');
const { t } = await import('../src/lib/i18n.svelte');
const WebSearchToggle = (await import('../src/components/WebSearchToggle.svelte')).default;
const SearchedSites = (await import('../src/components/SearchedSites.svelte')).default;

let completions: any[];

beforeEach(() => {
  completions = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/chat/completions') completions.push(JSON.parse(init.body as string));
    const body = url === '/api/v1/chats/new' ? { id: 'chat-1', title: 'New Chat', chat: {} }
      : url === '/api/chat/completions' ? { status: true, task_id: 't1' }
      : url.startsWith('/api/v1/chats/') && (init.method ?? 'GET') === 'GET' ? [] : url.startsWith('/api/v1/folders/') ? [] : {};
    return new Response(JSON.stringify(body), { status: 200 });
  }));
  session.models = [{ id: 'm1', name: 'M' }] as any;
  session.settings = {};
  session.config = { status: true, name: 'x', version: '0', features: { enable_web_search: true } };
  session.user = { id: 'u1', name: 'Ada', email: 'a@b.c', role: 'user', token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '', permissions: { features: { web_search: true } } } as any;
  webSearch.on = false;
  newChat();
});

describe('web search switch', () => {
  it('is offered when enabled and permitted, and toggles features.web_search', async () => {
    render(WebSearchToggle);
    const button = screen.getByRole('button', { name: 'Web search' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(button);
    expect(webSearch.on).toBe(true);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await send('What happened today?');
    expect(completions.at(-1).features.web_search).toBe(true);
  });

  it('is hidden and never sent when the server or the permissions say no', async () => {
    webSearch.on = true;
    session.config!.features.enable_web_search = false;
    render(WebSearchToggle);
    expect(screen.queryByRole('button', { name: 'Web search' })).toBeNull();
    expect(webSearchFeature()).toBe(false);
    session.config!.features.enable_web_search = true;
    (session.user as any).permissions.features.web_search = false;
    expect(webSearchFeature()).toBe(false);
    await send('Hello');
    expect(completions.at(-1).features.web_search).toBe(false);
  });
});

describe('web search status lines', () => {
  const history = [
    { action: 'web_search', description: 'Searching the web', done: false },
    { action: 'web_search_queries_generated', queries: ['river facts', 'sediment'], done: false },
    { action: 'web_search', description: 'Searched {{count}} sites', urls: ['https://a.example/', 'https://b.example/'], items: [{ link: 'https://a.example/', title: 'A page' }], done: true }
  ];

  it('shows the queries, the count of sites and the reason of an error', () => {
    expect(statusText(currentStatus(history.slice(0, 1))!, t)).toBe('Searching the web');
    expect(statusText(currentStatus(history.slice(0, 2))!, t)).toBe('Searching "river facts", "sediment"');
    expect(statusText(currentStatus(history)!, t)).toBe('Searched 2 sites');
    const failed = { action: 'web_search', description: 'An error occurred while searching the web', error: true, done: true, detail: 'file-service answered 400: searxng answered HTTP 500' };
    expect(statusText(failed, t)).toBe('An error occurred while searching the web: file-service answered 400: searxng answered HTTP 500');
    expect(currentStatus([{ action: 'knowledge_search', description: 'x', hidden: true }])).toBeUndefined();
  });

  it('lists the sites read, titled when the engine gave a title', async () => {
    expect(searchedSites(history)).toEqual([{ url: 'https://a.example/', title: 'A page' }, { url: 'https://b.example/', title: 'https://b.example/' }]);
    expect(searchedSites(history.slice(0, 2))).toEqual([]);
    render(SearchedSites, { history });
    await fireEvent.click(screen.getByRole('button', { name: 'Searched 2 sites' }));
    expect(screen.getByRole('link', { name: 'A page' }).getAttribute('href')).toBe('https://a.example/');
    expect(screen.getByRole('link', { name: 'https://b.example/' })).toBeTruthy();
  });
});

describe('web pages in the message box', () => {
  it('takes "#<url>" links out of the text and attaches their pages through /process/web', async () => {
    const { takeWebLinks } = await import('../src/lib/chat/webPages');
    const { attachments, clearAttachments } = await import('../src/lib/chat/attachments.svelte');
    clearAttachments();
    const asked: any[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      asked.push({ url, body: JSON.parse(init.body as string) });
      if (JSON.parse(init.body as string).url.includes('broken')) return new Response(JSON.stringify({ detail: 'Refused to fetch' }), { status: 400 });
      return new Response(JSON.stringify({ status: true, collection_name: 'c1', filename: 'https://a.example/x', file: { data: { content: 'page text' }, meta: { name: 'https://a.example/x' } } }), { status: 200 });
    }));
    expect(takeWebLinks('#https://a.example/x still typing')).toBe('still typing');
    expect(takeWebLinks('see #https://a.example/y')).toBe('see #https://a.example/y');
    expect(takeWebLinks('#https://broken.example/ ')).toBe('');
    await vi.waitFor(() => expect(attachments.filter((a) => a.state !== 'processing')).toHaveLength(2));
    expect(asked.map((a) => a.url)).toEqual(['/api/v1/retrieval/process/web', '/api/v1/retrieval/process/web']);
    const ready = attachments.find((a) => a.key === 'https://a.example/x')!;
    expect(ready.item).toMatchObject({ type: 'text', url: 'https://a.example/x', collection_name: 'c1', file: { data: { content: 'page text' } } });
    expect(attachments.find((a) => a.key === 'https://broken.example/')!.state).toBe('failed');
  });
});
