// The socket-mode chat flow (docs/contract.md, Chat flow) with the HTTP layer and socket faked at their edges.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../src/lib/socket', () => import('./fakeSocket'));
const { socket } = await import('./fakeSocket');

const { chat, newChat, regenerate, send, stop } = await import('../src/lib/chat/controller.svelte');
const { session } = await import('../src/lib/session.svelte');
const { branch } = await import('../src/lib/chat/history');

const MODEL = { id: 'org/m:1', name: 'Model One' };
let calls: { method: string; url: string; body: any }[];

function backend(url: string, init: RequestInit): unknown {
  if (url === '/api/v1/chats/new') return { id: 'chat-1', title: 'New Chat', chat: {} };
  if (url === '/api/chat/completions') return { status: true, task_id: 'task-1' };
  if (url === '/api/chat/completed') return JSON.parse(init.body as string);
  if (url.startsWith('/api/tasks/stop/')) return { status: true, message: 'stopped' };
  if (url.startsWith('/api/v1/chats/')) return [];
  if (url.startsWith('/api/v1/folders/')) return [];
  return {};
}

beforeEach(() => {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(init.body as string) : undefined });
    return new Response(JSON.stringify(backend(url, init)), { status: 200 });
  }));
  session.models = [MODEL];
  session.settings = { system: 'Be kind' };
  session.user = { id: 'u1', name: 'Ada', email: 'a@b.c', role: 'user', token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '' };
  newChat();
});

const event = (type: string, data: unknown, chat_id = 'chat-1') => socket.listener!({ chat_id, message_id: chat.history.currentId, data: { type, data } });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('chat controller', () => {
  it('regenerates with an instruction: the old answer and the instruction are sent, the new reply is its sibling', async () => {
    await send('Hello');
    event('chat:completion', { done: true, content: 'Hi there!' });
    await settle();
    const [user, old] = branch(chat.history);
    calls = [];
    await regenerate(old.id, 'More Concise');
    const completion = calls.find((c) => c.url === '/api/chat/completions')!.body;
    expect(completion.messages).toEqual([
      { role: 'system', content: 'Be kind' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi there!' },
      { role: 'user', content: 'More Concise' }
    ]);
    expect(chat.history.messages[user.id].childrenIds).toEqual([old.id, chat.history.currentId]);
    calls = [];
    await regenerate(chat.history.currentId!);
    expect(calls.find((c) => c.url === '/api/chat/completions')!.body.messages.map((m: any) => m.content)).toEqual(['Be kind', 'Hello']);
  });

  it('with User Location on, reads the position, stores it in the user\'s info and sends it as {{USER_LOCATION}}', async () => {
    session.settings = { userLocation: true };
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 1.23456, longitude: 7.5 } } as GeolocationPosition) } });
    await send('Where am I?');
    expect(calls.find((c) => c.url === '/api/v1/users/user/info/update')!.body).toEqual({ location: '1.235, 7.500 (lat, long)' });
    expect(calls.find((c) => c.url === '/api/chat/completions')!.body.variables['{{USER_LOCATION}}']).toBe('1.235, 7.500 (lat, long)');
    vi.unstubAllGlobals();
  });

  it('creates the chat, saves it, then asks for a socket-mode completion', async () => {
    await send('Hello');
    const order = ['POST /api/v1/chats/new', 'POST /api/v1/chats/chat-1', 'POST /api/chat/completions'].map((c) => calls.findIndex((x) => `${x.method} ${x.url}` === c));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const created = calls.find((c) => c.url === '/api/v1/chats/new')!.body;
    expect(created.folder_id).toBeNull();
    expect(created.chat.title).toBe('New Chat');
    expect(created.chat.models).toEqual([MODEL.id]);
    const completion = calls.find((c) => c.url === '/api/chat/completions')!.body;
    const [user, reply] = branch(chat.history);
    expect(completion).toMatchObject({
      model: MODEL.id,
      stream: true,
      session_id: 'sid-1',
      chat_id: 'chat-1',
      id: reply.id,
      messages: [{ role: 'system', content: 'Be kind' }, { role: 'user', content: 'Hello' }],
      background_tasks: { title_generation: true, tags_generation: true, follow_up_generation: true }
    });
    expect(user.childrenIds).toEqual([reply.id]);
    expect(reply).toMatchObject({ role: 'assistant', parentId: user.id, model: MODEL.id, modelName: 'Model One', done: false });
    expect(chat.taskIds).toEqual(['task-1']);
  });

  it('assembles the streamed answer, then reports completion and saves the history', async () => {
    await send('Hello');
    event('chat:completion', { content: 'Hi' });
    event('chat:completion', { content: 'Hi there' });
    event('chat:completion', { content: 'ignored' }, 'other-chat');
    expect(branch(chat.history)[1].content).toBe('Hi there');
    calls = [];
    event('chat:completion', { done: true, content: 'Hi there!', title: 'New Chat' });
    await settle();
    await settle();
    const completed = calls.find((c) => c.url === '/api/chat/completed')!.body;
    expect(completed.messages.map((m: any) => m.content)).toEqual(['Hello', 'Hi there!']);
    const save = calls.find((c) => c.url === '/api/v1/chats/chat-1')!.body;
    const saved = save.chat.history.messages[save.chat.history.currentId];
    expect(saved).toMatchObject({ content: 'Hi there!', done: true });
    expect(save.chat.messages).toHaveLength(2);
    expect(chat.taskIds).toEqual([]);
    event('chat:title', 'Greetings');
    expect(chat.title).toBe('Greetings');
  });

  it('a follow-up message does not ask for a title again', async () => {
    await send('Hello');
    event('chat:completion', { done: true, content: 'Hi' });
    await settle();
    calls = [];
    await send('More');
    const completion = calls.find((c) => c.url === '/api/chat/completions')!.body;
    expect(completion.background_tasks).toEqual({ follow_up_generation: true });
    expect(completion.messages.map((m: any) => m.content)).toEqual(['Be kind', 'Hello', 'Hi', 'More']);
    expect(calls.some((c) => c.url === '/api/v1/chats/new')).toBe(false);
  });

  it('stop cancels every running task and marks the answer done', async () => {
    await send('Hello');
    event('chat:completion', { content: 'partial' });
    await stop();
    expect(calls.some((c) => c.url === '/api/tasks/stop/task-1')).toBe(true);
    expect(branch(chat.history)[1]).toMatchObject({ content: 'partial', done: true });
  });

  it('a refused completion shows the server error on the reply', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/chat/completions') return new Response(JSON.stringify({ detail: 'Model not found' }), { status: 400 });
      return new Response(JSON.stringify(backend(url, init)), { status: 200 });
    }));
    await send('Hello');
    expect(branch(chat.history)[1]).toMatchObject({ error: { content: 'Model not found' }, done: true });
  });

  it('a temporary chat never creates or saves a chat and uses chat_id "local"', async () => {
    newChat(true);
    await send('Secret');
    expect(calls.some((c) => c.url.startsWith('/api/v1/chats/'))).toBe(false);
    expect(calls.find((c) => c.url === '/api/chat/completions')!.body).toMatchObject({ chat_id: 'local', background_tasks: { follow_up_generation: true } });
    event('chat:completion', { content: 'psst' }, 'local');
    expect(branch(chat.history)[1].content).toBe('psst');
  });
  it('sends the user\'s picked and enabled tool servers with their documents and specs as tool_servers', async () => {
    const { forgetServers } = await import('../src/lib/userTools/servers');
    const { chatTools } = await import('../src/lib/chat/tools.svelte');
    forgetServers();
    chatTools.selected = ['direct_server:0', 'direct_server:1', 'calc'];
    const openapi = { info: { title: 'Clock' }, paths: { '/now': { get: { operationId: 'now', summary: 'The time' } } } };
    session.settings = { toolServers: [
      { url: 'http://clock.test', path: 'openapi.json', auth_type: 'none', key: '', config: { enable: true } },
      { url: 'http://off.test', path: 'openapi.json', auth_type: 'none', key: '', config: { enable: false } }
    ] };
    const plain = fetch;
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) =>
      url === 'http://clock.test/openapi.json' ? new Response(JSON.stringify(openapi)) : plain(url, init)));
    await send('What time is it?');
    const completion = calls.find((c) => c.url === '/api/chat/completions')!.body;
    expect(completion.tool_servers).toEqual([{ url: 'http://clock.test', openapi, info: { title: 'Clock' },
      specs: [{ name: 'now', description: 'The time', parameters: { type: 'object', properties: {}, required: [] } }] }]);
    expect(completion.tool_ids).toEqual(['calc']);
    chatTools.selected = [];
  });
});
