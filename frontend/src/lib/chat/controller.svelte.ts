// The open chat: loads and saves the chat JSON, runs the socket-mode completion flow of
// docs/contract.md, Chat flow, and applies incoming `chat-events` to the history tree.
import { chats } from '../api/chats';
import { completions } from '../api/completions';
import { navigate } from '../router.svelte';
import { can, defaultModelIds, session } from '../session.svelte';
import { i18n, t } from '../i18n.svelte';
import { refreshSidebar, renameLocally } from '../sidebar.svelte';
import { emitUsage, onChatEvent, waitForSocketId } from '../socket';
import { toast, toastError } from '../toast.svelte';
import type { ChatBlob, ChatEventEnvelope, Message, Tag } from '../types';
import { append, branch, emptyHistory, removeMessage, toCompletionMessages } from './history';
import { promptVariables } from './promptVariables';
import { locateAndSave } from './userLocation';
import { applyChatEvent } from './stream';
import { interpreterWanted } from '../code/interpreterSwitch.svelte';
import { pickedServers, toolIds } from './tools.svelte';
import { imageGenerationWanted } from './imageSwitch.svelte';
import { webSearch, webSearchFeature } from './webSearch.svelte';
import { copyText } from './copy';
import { toolServersPayload } from '../userTools/servers';
import { completionParams, systemPrompt, type Params } from './chatParams';
import { forCompletion, withSent } from './chatFiles';
import { answerFinished } from '../notify';
import { autoPlayback } from '../audio/prefs';
import { readAloud } from '../audio/readAloud.svelte';

export const LOCAL_CHAT_ID = 'local';

export const chat = $state({
  id: null as string | null,
  title: 'New Chat',
  history: emptyHistory(),
  models: [] as string[],
  taskIds: [] as string[],
  tags: [] as Tag[],
  temporary: false,
  shareId: null as string | null,
  pinned: false,
  /** The chat controls: this chat's system prompt and parameters (the chat's `params`). */
  params: {} as Params,
  /** The chat's files: documents sent in it that go with its later completions (lib/chat/chatFiles.ts). */
  files: [] as Record<string, unknown>[],
  /** Set while call mode speaks the answers itself (no auto-playback then). */
  inCall: false,
  loading: false,
  loadError: ''
});

const now = () => Math.floor(Date.now() / 1000);
const uuid = () => crypto.randomUUID();

export function isGenerating(): boolean {
  return Object.values(chat.history.messages).some((m) => m.role === 'assistant' && m.done === false);
}

/** A new chat is temporary when asked, or by the user's `temporaryChatByDefault` (when allowed to). */
export function newChat(temporary = session.settings.temporaryChatByDefault === true && can('chat', 'temporary')): void {
  chat.id = null;
  chat.title = 'New Chat';
  chat.history = emptyHistory();
  chat.models = defaultModelIds();
  chat.taskIds = [];
  chat.tags = [];
  chat.temporary = temporary;
  chat.shareId = null;
  chat.pinned = false;
  chat.params = {};
  chat.files = [];
  chat.loadError = '';
  // "Web Search in Chat: Always" (stock `webSearch`) starts every new chat with web search on.
  if (session.settings.webSearch === 'always') webSearch.on = true;
}

export async function loadChat(id: string): Promise<void> {
  if (chat.id === id && !chat.loadError) return;
  chat.loading = true;
  chat.loadError = '';
  try {
    const c = await chats.get(id);
    const history = c.chat?.history ?? emptyHistory();
    for (const m of Object.values(history.messages)) m.childrenIds ??= [];
    chat.id = c.id;
    chat.title = c.title;
    chat.history = history;
    chat.models = c.chat?.models?.length ? c.chat.models : defaultModelIds();
    chat.temporary = false;
    chat.shareId = c.share_id ?? null;
    chat.pinned = !!c.pinned;
    chat.params = (c.chat?.params as Params | undefined) ?? {};
    chat.files = Array.isArray(c.chat?.files) ? (c.chat.files as Record<string, unknown>[]) : [];
    const [running, tags] = await Promise.all([
      completions.running(id).catch(() => ({ task_ids: [] as string[] })),
      chats.tags(id).catch(() => [] as Tag[])
    ]);
    chat.taskIds = running.task_ids ?? [];
    chat.tags = tags;
    // Replies left unfinished by a generation that no longer runs are shown as finished.
    if (chat.taskIds.length === 0) for (const m of Object.values(history.messages)) if (m.done === false) m.done = true;
  } catch (e) {
    chat.id = id;
    chat.history = emptyHistory();
    chat.loadError = e instanceof Error ? e.message : String(e);
  } finally {
    chat.loading = false;
  }
}

function blob(): Partial<ChatBlob> {
  return {
    models: chat.models,
    history: chat.history,
    messages: branch(chat.history),
    params: $state.snapshot(chat.params) as Params,
    files: $state.snapshot(chat.files) as Record<string, unknown>[]
  };
}

// Saves go out one after another, each with the state of its turn, so an older save can never
// land after a newer one (e.g. the save after `done` and the one after the follow-ups arrived).
let saving: Promise<unknown> = Promise.resolve();

export function save(): Promise<void> {
  const next = saving.then(() => {
    if (!chat.id || chat.temporary) return;
    return chats.update(chat.id, blob()).then(() => undefined);
  });
  saving = next.catch(() => undefined);
  return next;
}

function assistantFor(parentId: string, modelId: string, idx: number): Message {
  const model = session.models.find((m) => m.id === modelId);
  return {
    id: uuid(),
    parentId,
    childrenIds: [],
    role: 'assistant',
    content: '',
    model: modelId,
    modelName: model?.name ?? modelId,
    modelIdx: idx,
    timestamp: now(),
    done: false
  };
}

/** Sends a user message; `only` (a model picked with `@`) answers instead of the chat's models. */
export async function send(text: string, files: Record<string, unknown>[] = [], only?: string[]): Promise<void> {
  const content = text.trim();
  const models = (only?.length ? only : chat.models).filter((id) => session.models.some((m) => m.id === id));
  if (!content) return;
  if (models.length === 0) {
    toast('Select a model first', 'warning');
    return;
  }
  const user: Message = { id: uuid(), parentId: chat.history.currentId, childrenIds: [], role: 'user', content, timestamp: now(), models };
  if (files.length) {
    user.files = files;
    chat.files = withSent(chat.files, files);
  }
  append(chat.history, user);
  await respond(user.id, models);
}

/**
 * A new answer beside `assistantId`. With an `instruction` (the regenerate menu), the model gets the
 * conversation up to the old answer plus the instruction as a last user message, as the stock UI sends it.
 */
export async function regenerate(assistantId: string, instruction?: string): Promise<void> {
  const old = chat.history.messages[assistantId];
  if (!old?.parentId) return;
  await respond(old.parentId, [old.model ?? chat.models[0]], instruction ? { after: old.id, prompt: instruction } : undefined);
}

/** An instruction sent after the answer `after` instead of the branch ending at the new reply's question. */
interface Suggestion {
  after: string;
  prompt: string;
}

export async function editAndResend(userId: string, text: string): Promise<void> {
  const old = chat.history.messages[userId];
  const content = text.trim();
  if (!old || !content) return;
  const models = old.models?.length ? old.models : chat.models;
  const edited: Message = { ...old, id: uuid(), parentId: old.parentId, childrenIds: [], content, timestamp: now() };
  append(chat.history, edited);
  await respond(edited.id, models);
}

/** Adds one assistant reply per model under `userId`, saves, then starts the completions. */
async function respond(userId: string, models: string[], suggestion?: Suggestion): Promise<void> {
  // Work on the stored (reactive) copies: the state proxy does not see changes to the originals.
  const replies = models.map((m, i) => {
    const r = assistantFor(userId, m, i);
    append(chat.history, r);
    return chat.history.messages[r.id];
  });
  chat.history.currentId = replies[0].id;
  const firstExchange = branch(chat.history).filter((m) => m.role === 'user').length === 1 && !chat.history.messages[userId].parentId;
  try {
    if (chat.temporary) chat.id = LOCAL_CHAT_ID;
    else if (!chat.id) {
      const created = await chats.create({ id: '', title: 'New Chat', tags: [], timestamp: Date.now(), ...blob() } as ChatBlob, null);
      chat.id = created.id;
      navigate(`/c/${created.id}`);
      void refreshSidebar();
    }
    await save();
  } catch (e) {
    for (const r of replies) fail(r, e);
    return;
  }
  await Promise.all(replies.map((r) => startCompletion(r, firstExchange, undefined, suggestion)));
}

// Answers being continued, with the text they had: a server that streams only the new part gets
// it appended to that text instead of replacing it.
const continuing = new Map<string, string>();

/** "Continue response": the model goes on from the current answer, which is sent as the last message. */
export async function continueResponse(): Promise<void> {
  const id = chat.history.currentId;
  const reply = id ? chat.history.messages[id] : undefined;
  if (!reply || reply.role !== 'assistant' || reply.done === false || !chat.id) return;
  continuing.set(reply.id, reply.content);
  reply.done = false;
  reply.error = undefined;
  await startCompletion(reply, false, reply.id);
}

/** Deletes a message with its replies (see `removeMessage`) and saves the chat. */
export async function deleteMessage(id: string): Promise<void> {
  removeMessage(chat.history, id);
  await save();
}

function fail(message: Message, e: unknown): void {
  message.error = { content: e instanceof Error ? e.message : String(e) };
  message.done = true;
}

async function startCompletion(reply: Message, firstExchange: boolean, leafId = reply.parentId!, suggestion?: Suggestion): Promise<void> {
  const chatId = chat.id!;
  const model = session.models.find((m) => m.id === reply.model);
  if (!model) return fail(reply, new Error('Model not found'));
  let usage: ReturnType<typeof setInterval> | undefined;
  const files = filesFor(reply, leafId);
  try {
    const sessionId = await waitForSocketId();
    const own = await toolServersPayload(pickedServers());
    for (const error of own.errors) toast(t('Failed to connect to {{URL}} OpenAPI tool server', { URL: error }), 'error');
    emitUsage(model.id, chatId);
    usage = setInterval(() => emitUsage(model.id, chatId), 1000);
    const res = await completions.start({
      model: model.id,
      messages: [
        ...toCompletionMessages(chat.history, suggestion?.after ?? leafId, systemPrompt(session.settings.system, chat.params)),
        ...(suggestion ? [{ role: 'user', content: suggestion.prompt }] : [])
      ],
      stream: true,
      params: completionParams(session.settings.params, chat.params),
      ...(files.length ? { files } : {}),
      tool_servers: own.servers,
      ...toolIds(),
      features: { image_generation: imageGenerationWanted(), code_interpreter: interpreterWanted(), web_search: webSearchFeature(), ...(session.settings.memory === true ? { memory: true } : {}) },
      variables: await variables(),
      model_item: model,
      session_id: sessionId,
      chat_id: chatId,
      id: reply.id,
      background_tasks: backgroundTasks(firstExchange)
    });
    if (res?.task_id) chat.taskIds = [...chat.taskIds, res.task_id];
  } catch (e) {
    fail(reply, e);
    await save().catch(() => {});
  } finally {
    clearInterval(usage);
  }
}

/**
 * Documents and knowledge bases go with the request (the server does RAG): the chat's files still in
 * the branch and those of the message answered; images go inside the message as `image_url` parts.
 */
function filesFor(reply: Message, leafId: string): Record<string, unknown>[] {
  const path = branch(chat.history, leafId);
  const result = forCompletion(chat.files, path.flatMap((m) => m.files ?? []), chat.history.messages[reply.parentId!]?.files ?? []);
  chat.files = result.chatFiles;
  return result.files;
}

/** With "User Location" on, the position is read (and stored) for each completion, as the stock UI does. */
async function variables(): Promise<Record<string, string>> {
  const location = session.settings.userLocation === true ? await locateAndSave() : undefined;
  return promptVariables({ userName: session.user?.name ?? '', language: i18n.locale, location });
}

/** The user's interface switches decide which tasks run after an answer (all on unless turned off). */
function backgroundTasks(firstExchange: boolean): Record<string, boolean> {
  const s = session.settings;
  const tasks: Record<string, boolean> = { follow_up_generation: s.autoFollowUps ?? true };
  if (firstExchange && !chat.temporary) {
    tasks.title_generation = s.title?.auto ?? true;
    tasks.tags_generation = s.autoTags ?? true;
  }
  return tasks;
}

async function reloadTags(id: string): Promise<void> {
  const tags = await chats.tags(id).catch(() => null);
  if (tags && chat.id === id) chat.tags = tags;
}

export async function addTag(name: string): Promise<void> {
  const id = chat.id;
  if (!id || chat.temporary || !name.trim()) return;
  chat.tags = await chats.addTag(id, name.trim());
}

export async function removeTag(name: string): Promise<void> {
  const id = chat.id;
  if (!id) return;
  chat.tags = await chats.removeTag(id, name);
}

export async function stop(): Promise<void> {
  const ids = chat.taskIds;
  chat.taskIds = [];
  await Promise.all(ids.map((id) => completions.stop(id).catch(() => undefined)));
  for (const m of Object.values(chat.history.messages)) if (m.role === 'assistant' && m.done === false) m.done = true;
  await save().catch(toastError);
}

async function finish(reply: Message): Promise<void> {
  const chatId = chat.id!;
  const model = session.models.find((m) => m.id === reply.model);
  try {
    if (model) {
      const res = await completions.completed({
        model: model.id,
        messages: branch(chat.history, reply.id).map((m) => ({ id: m.id, role: m.role, content: m.content, timestamp: m.timestamp })),
        model_item: model,
        chat_id: chatId,
        session_id: (await waitForSocketId().catch(() => '')) as string,
        id: reply.id
      });
      for (const m of res?.messages ?? []) {
        const target = chat.history.messages[m.id];
        if (target && typeof m.content === 'string') target.content = m.content;
      }
    }
  } catch {
    // Outlet filters are optional; the answer is already complete.
  }
  if (!Object.values(chat.history.messages).some((m) => m.role === 'assistant' && m.done === false)) chat.taskIds = [];
  await save().catch(toastError);
  if (!chat.temporary) void refreshSidebar();
  const finished = chat.history.messages[reply.id];
  if (finished && !finished.error && chat.id === chatId) {
    answerFinished(session.settings, chat.title, finished.content, () => navigate(`/c/${chatId}`));
    if (session.settings.responseAutoCopy === true) void copyText(finished.content, false).catch(() => {});
    if (autoPlayback(session.settings) && !chat.inCall && chat.history.currentId === reply.id) void readAloud(reply.id, finished.content).catch(() => {});
  }
}

function handleEvent(event: ChatEventEnvelope): void {
  const type = event.data?.type;
  if (!type) return;
  if (event.chat_id !== chat.id) {
    if (type === 'chat:title' || (type === 'chat:completion' && event.data.data?.done)) void refreshSidebar();
    // An answer of another chat (e.g. started in another tab) finished.
    const data = event.data.data as { done?: boolean; title?: string; content?: string } | undefined;
    if (type === 'chat:completion' && data?.done && event.chat_id) {
      const other = event.chat_id;
      answerFinished(session.settings, data.title ?? 'New Chat', data.content ?? '', () => navigate(`/c/${other}`));
    }
    return;
  }
  const message = event.message_id ? chat.history.messages[event.message_id] : undefined;
  if (!message) return;
  const wasDone = message.done === true;
  const length = message.content.length;
  const outcome = applyChatEvent(message, type, event.data.data);
  // `hapticFeedback`: a short vibration per streamed piece on devices that have one (as the stock UI).
  if (session.settings.hapticFeedback === true && message.content.length > length) navigator.vibrate?.(5);
  const before = continuing.get(message.id);
  if (before !== undefined && !message.content.startsWith(before)) message.content = before + message.content;
  if (outcome.done) continuing.delete(message.id);
  if (outcome.title && outcome.title !== chat.title && type === 'chat:title') {
    chat.title = outcome.title;
    if (chat.id) renameLocally(chat.id, outcome.title);
  }
  if (outcome.notification) toast(outcome.notification.content, outcome.notification.type as 'info');
  if (type === 'chat:tasks:cancel') chat.taskIds = [];
  if (outcome.tags && chat.id) void reloadTags(chat.id);
  if (outcome.done && !wasDone && type === 'chat:completion') void finish(message);
  // Follow-ups come after the answer was saved: keep them, or a save from this page would drop the
  // copy the server stored with the message.
  if (type === 'chat:message:follow_ups' && message.done) void save().catch(() => {});
}

onChatEvent(handleEvent);
