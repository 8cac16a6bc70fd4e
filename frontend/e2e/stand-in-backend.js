// STAND-IN BACKEND FOR THIS ROUND ONLY. The Java services are not merged yet, so the browser
// tests run the built SPA against this in-memory server. It answers the endpoints our UI calls
// with the shapes of docs/contract.md and emits the Socket.IO `chat-events` of
// docs/completions.md (Chat events). It is not a backend: no persistence, no real auth (opaque tokens).
// Once the suite runs in local mode, the browser tests point at the gateway instead.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { Server } from 'socket.io';
import { makeAccess } from './stand-in/access.js';
import { adminFeature } from './stand-in/admin.js';
import { databaseFeature } from './stand-in/database.js';
import { audioFeature } from './stand-in/audio.js';
import { autocompleteFeature } from './stand-in/autocomplete.js';
import { channelsFeature } from './stand-in/channels.js';
import { codeFeature } from './stand-in/code.js';
import { directFeature } from './stand-in/direct.js';
import { chatFilesFeature } from './stand-in/chat-files.js';
import { memoriesFeature } from './stand-in/memories.js';
import { miscFeature } from './stand-in/misc.js';
import { interfaceFeature } from './stand-in/interface.js';
import { notesFeature } from './stand-in/notes.js';

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
const CHAT_PAGE = 60;
const FOLDER_PAGE = 10;
export const MODEL = { id: 'stand-in/model:1', name: 'Stand-in Model', object: 'model', created: 1700000000, owned_by: 'openai', connection_type: 'external', urlIdx: 0, tags: [], actions: [], filters: [] };

export const SECOND_MODEL = { ...MODEL, id: 'stand-in/second', name: 'Second Model', info: { meta: { capabilities: { vision: false } } } };
const MODELS = [MODEL, SECOND_MODEL];
const now = () => Math.floor(Date.now() / 1000);

const STREAMED = Symbol('streamed');
/** Maths, a task list and a three-line code block, for prompts that ask for "rich" output. */
// What api-service writes after the code interpreter ran the model's code (docs/code-execution.md).
export const INTERPRETER_ANSWER = 'Let me compute.\n<details type="code_interpreter" done="true" output="{&quot;stdout&quot;: &quot;45&quot;, &quot;stderr&quot;: &quot;&quot;, &quot;result&quot;: &quot;&quot;}">\n<summary>Analyzed</summary>\n```python\nprint(sum(range(10)))\n```\n</details>\nThe sum is 45.';
export const DIAGRAM_ANSWER = 'A flow:\n\n```mermaid\ngraph TD\n  Start[Begin here] --> Stop[End here]\n```\n\nThat is all.';
export const BROKEN_DIAGRAM_ANSWER = 'A broken flow:\n\n```mermaid\ngraph TD\n  A -->\n```\n\nStill readable.';
export const RICH_ANSWER = 'Inline $E = mc^2$ and a display:\n\n$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$\n\n- [x] parsed\n- [ ] reviewed\n\n```js\nconst a = 1;\nconst b = 2;\nconst c = a + b;\n```\n\nPrices like $5 and $10 stay text.';

class HttpError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export function startStandIn({ staticDir, port = 0, streamDelayMs = 30 } = {}) {
  const state = {
    users: [], tokens: new Map(), chats: new Map(), folders: new Map(), tasks: new Map(), calls: [],
    authConfig: { SHOW_ADMIN_DETAILS: true, WEBUI_URL: '', ENABLE_SIGNUP: true, ENABLE_API_KEY: true, ENABLE_API_KEY_ENDPOINT_RESTRICTIONS: false, API_KEY_ALLOWED_ENDPOINTS: '', DEFAULT_USER_ROLE: 'pending', JWT_EXPIRES_IN: '4w', ENABLE_COMMUNITY_SHARING: false, ENABLE_MESSAGE_RATING: true, ENABLE_CHANNELS: false, ENABLE_NOTES: false, ENABLE_USER_WEBHOOKS: false, PENDING_USER_OVERLAY_TITLE: '', PENDING_USER_OVERLAY_CONTENT: '', RESPONSE_WATERMARK: '' },
    presets: new Map(),
    groups: new Map(),
    defaultPermissions: { workspace: { models: false, knowledge: false, prompts: false, tools: false }, chat: { file_upload: true, delete: true, edit: true, share: true, temporary: true }, features: { web_search: true, image_generation: true, code_interpreter: true, notes: true } },
    retrieval: { CHUNK_SIZE: 1000, CHUNK_OVERLAP: 100, TOP_K: 3, ENABLE_RAG_HYBRID_SEARCH: false, FILE_MAX_SIZE: 1, FILE_MAX_COUNT: null, ALLOWED_FILE_EXTENSIONS: [], RAG_TEMPLATE: 'Use the context.', CONTENT_EXTRACTION_ENGINE: '', web: { ENABLE_WEB_SEARCH: false } },
    prompts: new Map(),
    completions: [],
    tags: new Map(),
    files: new Map(),
    knowledge: new Map([['kb-1', { id: 'kb-1', user_id: 'system', name: 'Team Handbook', description: 'Policies', data: { file_ids: [] }, meta: null, access_control: null, created_at: 1700000000, updated_at: 1700000000 }]]),
    shares: new Map(),
    banners: [],
    openai: { ENABLE_OPENAI_API: true, OPENAI_API_BASE_URLS: ['http://upstream.invalid/v1'], OPENAI_API_KEYS: [''], OPENAI_API_CONFIGS: { 0: { enable: true, tags: [], prefix_id: '', model_ids: [], connection_type: 'external', auth_type: 'bearer' } } },
    ollama: { ENABLE_OLLAMA_API: false, OLLAMA_BASE_URLS: [], OLLAMA_API_CONFIGS: {} }
  };
  const sockets = new Map(); // socket id -> user id

  const publicUser = (u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, profile_image_url: u.profile_image_url });
  // Effective permissions: defaults merged with the user's groups, any true wins (docs/contract.md, Permissions).
  function permissionsOf(u) {
    const merged = structuredClone(state.defaultPermissions);
    for (const g of state.groups.values()) {
      if (!g.user_ids.includes(u.id)) continue;
      for (const [section, flags] of Object.entries(g.permissions ?? {})) for (const [k, v] of Object.entries(flags)) if (v) (merged[section] ??= {})[k] = true;
    }
    return merged;
  }
  const sessionUser = (u, token) => ({ token, token_type: 'Bearer', expires_at: null, ...publicUser(u), permissions: permissionsOf(u), bio: null, gender: null, date_of_birth: null });
  const listItem = (c) => ({ id: c.id, title: c.title, updated_at: c.updated_at, created_at: c.created_at });
  const byUpdated = (a, b) => b.updated_at - a.updated_at;
  const page = (items, n, size) => (n ? items.slice((n - 1) * size, n * size) : items);

  function issue(user) {
    const token = `stand-in.${randomUUID()}`;
    state.tokens.set(token, user.id);
    return token;
  }

  function caller(req) {
    const header = req.headers.authorization;
    const cookie = /(?:^|;\s*)token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const token = header?.startsWith('Bearer ') ? header.slice(7) : cookie;
    if (!token) return { token: null, user: null };
    const user = state.users.find((u) => u.id === state.tokens.get(token));
    return { token, user: user ?? null, invalid: !user };
  }

  function need(req, level) {
    const c = caller(req);
    if (!c.token) throw new HttpError(403, 'Not authenticated');
    if (c.invalid) throw new HttpError(401, 'Invalid token');
    if (level === 'verified' && c.user.role === 'pending') throw new HttpError(401, 'Unauthorized');
    if (level === 'admin' && c.user.role !== 'admin') throw new HttpError(401, 'Unauthorized');
    return c.user;
  }

  function ownChat(user, id) {
    const c = state.chats.get(id);
    if (!c || c.user_id !== user.id) throw new HttpError(401, 'Not found');
    return c;
  }

  const tagId = (name) => name.trim().toLowerCase().replace(/ /g, '_');
  const chatTags = (c) => (c.meta.tags ?? []).map((id) => state.tags.get(`${c.user_id}:${id}`)).filter(Boolean);
  function addTag(user, c, name) {
    if (!String(name ?? '').trim()) throw new HttpError(400, 'Tag name is required');
    const id = tagId(name);
    if (!state.tags.has(`${user.id}:${id}`)) state.tags.set(`${user.id}:${id}`, { id, name: name.trim(), user_id: user.id, meta: null });
    c.meta.tags = [...new Set([...(c.meta.tags ?? []), id])];
    return chatTags(c);
  }

  const allowed = makeAccess(state);
  const withFiles = (k) => ({ ...k, files: k.data.file_ids.map((id) => state.files.get(id)).filter(Boolean).map((f) => ({ id: f.id, meta: f.meta, created_at: f.created_at, updated_at: f.updated_at })) });
  function ownKnowledge(user, id, readOnly = false) {
    const k = state.knowledge.get(id);
    if (!k || !allowed(user, k, readOnly ? 'read' : 'write')) throw new HttpError(404, 'Knowledge not found');
    return k;
  }

  function emitToUser(userId, payload) {
    for (const [sid, uid] of sockets) if (uid === userId) io.to(sid).emit('chat-events', payload);
  }

  function config(req) {
    const { user } = caller(req);
    const base = {
      status: true, name: 'Open WebUI', version: '0.6.32', default_locale: '', oauth: { providers: {} },
      features: { auth: true, auth_trusted_header: false, enable_signup_password_confirmation: false, enable_ldap: false, enable_api_key: true, enable_signup: state.authConfig.ENABLE_SIGNUP, enable_login_form: true, enable_websocket: true, enable_version_update_check: false, enable_autocomplete_generation: state.taskConfig.ENABLE_AUTOCOMPLETE_GENERATION === true }
    };
    if (!user && state.users.length === 0) base.onboarding = true;
    if (user?.role === 'pending') base.ui = { pending_user_overlay_title: '', pending_user_overlay_content: '' };
    if (user && user.role !== 'pending') {
      Object.assign(base.features, { enable_channels: state.authConfig.ENABLE_CHANNELS, enable_notes: state.authConfig.ENABLE_NOTES, enable_message_rating: state.authConfig.ENABLE_MESSAGE_RATING, enable_user_webhooks: state.authConfig.ENABLE_USER_WEBHOOKS });
      const codeConfig = code.configFor();
      Object.assign(base.features, codeConfig.features, direct.configFor());
      base.code = codeConfig.code;
      Object.assign(base, {
        default_models: MODEL.id,
        default_prompt_suggestions: [{ title: ['Explain', 'a concept simply'], content: 'Explain recursion simply' }],
        user_count: state.users.length,
        file: { max_size: 1, max_count: null, image_compression: { width: null, height: null } },
        ui: { pending_user_overlay_title: '', pending_user_overlay_content: '', response_watermark: '' }
      });
    }
    return base;
  }

  // An html page with css and a script that reports what it can reach of the app's window.
  const ARTIFACT_ANSWER = (prompt) => [
    `Page for ${prompt}:`,
    '```html\n<h1 id="t">Artifact ' + prompt.replace(/\W+/g, ' ').trim() + '</h1><p id="probe">pending</p>\n```',
    '```css\nh1 { color: rgb(200, 0, 0); }\n```',
    '```js\nlet seen = [];\ntry { seen.push("parent:" + parent.document.title); } catch (e) { seen.push("parent blocked"); }\ntry { seen.push("cookie:" + document.cookie); } catch (e) { seen.push("cookie blocked"); }\ntry { seen.push("storage:" + localStorage.length); } catch (e) { seen.push("storage blocked"); }\ndocument.getElementById("probe").textContent = seen.join(" | ");\n```'
  ].join('\n\n');

  function answerFor(prompt) {
    if (prompt.includes('rich')) return RICH_ANSWER;
    if (prompt.includes('broken diagram')) return BROKEN_DIAGRAM_ANSWER;
    if (prompt.includes('diagram')) return DIAGRAM_ANSWER;
    if (prompt.includes('artifact')) return ARTIFACT_ANSWER(prompt);
    if (prompt.includes('interpreter')) return INTERPRETER_ANSWER;
    if (prompt.includes('long')) return Array.from({ length: 40 }, (_, n) => `Paragraph ${n + 1} of a long answer.`).join('\n\n');
    return `You said: **${prompt}**\n\nHere is some code:\n\n\`\`\`python\ndef greet(name):\n    return f"Hello, {name}!"\n\`\`\`\n\n- first point\n- second point`;
  }

  function startCompletion(user, body) {
    state.lastCompletion = body;
    if (body.model_item?.direct) return direct.complete(user, body, (payload) => emitToUser(user.id, payload));
    const { chat_id, id: messageId, messages, background_tasks = {} } = body;
    const preset = state.presets.get(body.model);
    const model = MODELS.find((m) => m.id === body.model) ?? (preset?.base_model_id ? { id: preset.id, name: preset.name } : undefined);
    if (!model) throw new HttpError(400, 'Model not found');
    state.completions.push(body);
    if (chat_id !== 'local') ownChat(user, chat_id);
    const taskId = randomUUID();
    const asked = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    // Vision requests carry the text and the images as parts (OpenAI's format).
    const prompt = typeof asked === 'string' ? asked : asked.filter((p) => p.type === 'text').map((p) => p.text).join(' ');
    const images = typeof asked === 'string' ? 0 : asked.filter((p) => p.type === 'image_url').length;
    const attached = (body.files ?? []).map((f) => `${f.type}:${f.name}`).join(', ');
    // "Continue response" sends the answer so far last; like Open WebUI, the stream goes on from it.
    const last = messages[messages.length - 1];
    const sofar = last?.role === 'assistant' && typeof last.content === 'string' ? last.content : null;
    const full = sofar !== null ? ` Continued by ${model.name}.` : prompt.includes('slow') ? 'Thinking slowly. '.repeat(200) : answerFor(prompt) + `\n\nAnswered by ${model.name}.` + (attached ? `\n\nFiles: ${attached}` : '') + (images ? `\n\nImages seen: ${images}` : '');
    const words = full.split(/(?<=\s)/);
    let i = 0;
    const envelope = (type, data) => ({ chat_id, message_id: messageId, data: { type, data } });
    const finish = (content, cancelled) => {
      clearInterval(timer);
      state.tasks.delete(taskId);
      const chat = state.chats.get(chat_id);
      if (chat?.chat.history?.messages?.[messageId]) chat.chat.history.messages[messageId].content = content;
      if (cancelled) return emitToUser(user.id, envelope('chat:tasks:cancel', undefined));
      // Like api-service: the usage the upstream reported comes with the answer (and is saved on it).
      const usage = { prompt_tokens: prompt.length, completion_tokens: words.length, total_tokens: prompt.length + words.length };
      emitToUser(user.id, envelope('chat:completion', { done: true, content, title: chat?.title ?? 'New Chat', usage }));
      if (background_tasks.title_generation && chat) {
        const title = prompt.split(/\s+/).slice(0, 4).join(' ').replace(/^./, (c) => c.toUpperCase());
        chat.title = title;
        chat.chat.title = title;
        emitToUser(user.id, envelope('chat:title', title));
      }
      // Small models copy the prompt's example and repeat a suggestion; the server stores them as sent.
      if (background_tasks.follow_up_generation && prompt.includes('follow-ups')) {
        setTimeout(() => {
          const followUps = ['Tell me more', 'Tell me more', 'Show an example'];
          const stored = state.chats.get(chat_id)?.chat.history?.messages?.[messageId];
          if (stored) stored.followUps = followUps;
          emitToUser(user.id, envelope('chat:message:follow_ups', { follow_ups: followUps }));
        }, 100);
      }
      if (background_tasks.tags_generation && chat) {
        addTag(user, chat, 'General');
        emitToUser(user.id, envelope('chat:tags', ['General']));
      }
    };
    if (prompt.includes('cite')) {
      emitToUser(user.id, envelope('chat:completion', { sources: [{ source: { id: 'f1', name: 'handbook.pdf' }, document: ['Chapter 1'], metadata: [{ source: 'handbook.pdf' }] }] }));
    }
    const timer = setInterval(() => {
      i = Math.min(words.length, i + 3);
      const content = (sofar ?? '') + words.slice(0, i).join('');
      emitToUser(user.id, envelope('chat:completion', { content }));
      if (i >= words.length) finish(content, false);
    }, streamDelayMs);
    state.tasks.set(taskId, { chat_id, stop: () => finish((sofar ?? '') + words.slice(0, i).join(''), true) });
    return { status: true, task_id: taskId };
  }

  const routes = [
    ['GET', /^\/api\/config$/, (req) => config(req)],
    ['GET', /^\/api\/v1\/auths\/?$/, (req, _m, _b, res) => {
      const user = need(req, 'any');
      const { token } = caller(req);
      res.setHeader('Set-Cookie', `token=${token}; HttpOnly; SameSite=Lax; Path=/`);
      return sessionUser(user, token);
    }],
    ['POST', /^\/api\/v1\/auths\/signin$/, (_req, _m, body, res) => {
      const user = state.users.find((u) => u.email === String(body.email ?? '').toLowerCase());
      if (!user || user.password !== body.password) throw new HttpError(400, 'The email or password provided is incorrect. Please check for typos and try logging in again.');
      const token = issue(user);
      res.setHeader('Set-Cookie', `token=${token}; HttpOnly; SameSite=Lax; Path=/`);
      return sessionUser(user, token);
    }],
    ['POST', /^\/api\/v1\/auths\/signup$/, (_req, _m, body, res) => {
      const email = String(body.email ?? '').toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new HttpError(400, 'Invalid email format');
      if (!body.name?.trim()) throw new HttpError(400, 'Name is required');
      if (state.users.some((u) => u.email === email)) throw new HttpError(400, 'Uh-oh! This email is already registered.');
      if (state.users.length && !state.authConfig.ENABLE_SIGNUP) throw new HttpError(403, 'You do not have permission to access this resource. Please contact your administrator for assistance.');
      const user = { id: randomUUID(), name: body.name.trim(), email, password: body.password, role: state.users.length ? state.authConfig.DEFAULT_USER_ROLE : 'admin', last_active_at: now(), profile_image_url: body.profile_image_url || '/user.png', settings: null, api_key: null, created_at: now() };
      state.users.push(user);
      const token = issue(user);
      res.setHeader('Set-Cookie', `token=${token}; HttpOnly; SameSite=Lax; Path=/`);
      return sessionUser(user, token);
    }],
    ['POST', /^\/api\/v1\/auths\/add$/, (req, _m, body) => {
      need(req, 'admin');
      const email = String(body.email ?? '').toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new HttpError(400, 'Invalid email format');
      if (state.users.some((u) => u.email === email)) throw new HttpError(400, 'Uh-oh! This email is already registered.');
      const user = { id: randomUUID(), name: String(body.name ?? '').trim(), email, password: body.password, role: body.role ?? 'pending', last_active_at: now(), profile_image_url: '/user.png', settings: null, api_key: null, created_at: now() };
      state.users.push(user);
      return { ...sessionUser(user, issue(user)) };
    }],
    ['GET', /^\/api\/v1\/auths\/signout$/, (req, _m, _b, res) => {
      const { token } = caller(req);
      if (token) state.tokens.delete(token);
      res.setHeader('Set-Cookie', 'token=; Max-Age=0; Path=/');
      return { status: true };
    }],
    ['GET', /^\/api\/v1\/auths\/admin\/details$/, (req) => {
      need(req, 'any');
      const admin = state.users.find((u) => u.role === 'admin');
      return { name: admin.name, email: admin.email };
    }],
    ['POST', /^\/api\/v1\/auths\/update\/profile$/, (req, _m, body) => {
      const user = need(req, 'verified');
      if (!body.name?.trim()) throw new HttpError(400, 'Name is required');
      user.name = body.name.trim();
      user.profile_image_url = body.profile_image_url || user.profile_image_url;
      return publicUser(user);
    }],
    ['POST', /^\/api\/v1\/auths\/update\/password$/, (req, _m, body) => {
      const user = need(req, 'any');
      if (user.password !== body.password) throw new HttpError(400, 'Incorrect password');
      user.password = body.new_password;
      return true;
    }],
    ['GET', /^\/api\/v1\/auths\/api_key$/, (req) => {
      const user = need(req, 'any');
      if (!user.api_key) throw new HttpError(404, 'API key not found');
      return { api_key: user.api_key };
    }],
    ['POST', /^\/api\/v1\/auths\/api_key$/, (req) => {
      const user = need(req, 'any');
      user.api_key = `sk-${randomUUID().replace(/-/g, '')}`;
      return { api_key: user.api_key };
    }],
    ['DELETE', /^\/api\/v1\/auths\/api_key$/, (req) => {
      need(req, 'any').api_key = null;
      return true;
    }],
    ['GET', /^\/api\/v1\/users\/?$/, (req, _m, _b, _r, q) => {
      need(req, 'admin');
      const text = (q.get('query') ?? '').toLowerCase();
      const all = state.users.filter((u) => !text || u.name.toLowerCase().includes(text) || u.email.includes(text)).sort((a, b) => b.created_at - a.created_at);
      const n = Number(q.get('page') ?? 1);
      return { users: all.slice((n - 1) * 30, n * 30).map((u) => ({ ...publicUser(u), last_active_at: u.last_active_at, updated_at: u.created_at, created_at: u.created_at, group_ids: [] })), total: all.length };
    }],
    ['DELETE', /^\/api\/v1\/users\/([^/]+)$/, (req, m) => {
      const me = need(req, 'admin');
      if (m[1] === me.id || m[1] === state.users[0].id) throw new HttpError(403, 'Action prohibited');
      const i = state.users.findIndex((u) => u.id === m[1]);
      if (i < 0) throw new HttpError(404, 'User not found');
      state.users.splice(i, 1);
      return true;
    }],
    ['GET', /^\/api\/v1\/users\/all$/, (req) => (need(req, 'admin'), { users: state.users.map(publicUser), total: state.users.length })],
    ['GET', /^\/api\/v1\/users\/default\/permissions$/, (req) => (need(req, 'admin'), state.defaultPermissions)],
    ['POST', /^\/api\/v1\/users\/default\/permissions$/, (req, _m, body) => {
      need(req, 'admin');
      state.defaultPermissions = body;
      return body;
    }],
    ['GET', /^\/api\/v1\/groups\/?$/, (req) => (need(req, 'admin'), [...state.groups.values()])],
    ['POST', /^\/api\/v1\/groups\/create$/, (req, _m, body) => {
      const user = need(req, 'admin');
      if (!String(body.name ?? '').trim()) throw new HttpError(400, 'Name is required');
      const g = { id: randomUUID(), user_id: user.id, name: body.name.trim(), description: body.description ?? '', permissions: body.permissions ?? null, data: null, meta: null, user_ids: body.user_ids ?? [], created_at: now(), updated_at: now() };
      state.groups.set(g.id, g);
      return g;
    }],
    ['POST', /^\/api\/v1\/groups\/id\/([^/]+)\/update$/, (req, m, body) => {
      need(req, 'admin');
      const g = state.groups.get(m[1]);
      if (!g) throw new HttpError(404, 'Group not found');
      Object.assign(g, { name: body.name, description: body.description, permissions: body.permissions, user_ids: body.user_ids, updated_at: now() });
      return g;
    }],
    ['DELETE', /^\/api\/v1\/groups\/id\/([^/]+)\/delete$/, (req, m) => {
      need(req, 'admin');
      if (!state.groups.delete(m[1])) throw new HttpError(404, 'Group not found');
      return true;
    }],
    ['GET', /^\/api\/v1\/auths\/admin\/config$/, (req) => (need(req, 'admin'), state.authConfig)],
    ['GET', /^\/api\/webhook$/, (req) => (need(req, 'admin'), { url: state.webhookUrl ?? '' })],
    ['POST', /^\/api\/webhook$/, (req, _m, body) => {
      need(req, 'admin');
      if (typeof body?.url !== 'string') throw new HttpError(400, "'url' is required");
      state.webhookUrl = body.url;
      return { url: state.webhookUrl };
    }],
    ['POST', /^\/api\/v1\/auths\/admin\/config$/, (req, _m, body) => {
      need(req, 'admin');
      if (!['pending', 'user', 'admin'].includes(body.DEFAULT_USER_ROLE)) throw new HttpError(400, 'Invalid role');
      state.authConfig = { ...state.authConfig, ...body };
      return state.authConfig;
    }],
    ['GET', /^\/api\/v1\/retrieval\/config$/, (req) => (need(req, 'admin'), state.retrieval)],
    ['POST', /^\/api\/v1\/retrieval\/config\/update$/, (req, _m, body) => {
      need(req, 'admin');
      state.retrieval = { ...state.retrieval, ...body };
      return state.retrieval;
    }],
    ['GET', /^\/openai\/config$/, (req) => (need(req, 'admin'), state.openai)],
    ['POST', /^\/openai\/config\/update$/, (req, _m, body) => {
      need(req, 'admin');
      state.openai = body;
      return state.openai;
    }],
    ['GET', /^\/ollama\/config$/, (req) => (need(req, 'admin'), state.ollama)],
    ['GET', /^\/ollama\/api\/tags\/(\d+)$/, (req) => (need(req, 'admin'),
      { models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest', size: 2019393189, details: { family: 'llama' } }] })],
    ['POST', /^\/ollama\/config\/update$/, (req, _m, body) => {
      need(req, 'admin');
      state.ollama = body;
      return state.ollama;
    }],
    ['POST', /^\/openai\/verify$/, (req, _m, body) => {
      need(req, 'admin');
      if (!/^https?:\/\//.test(body.url ?? '')) throw new HttpError(500, 'Connection error: invalid URL');
      return { object: 'list', data: [{ id: 'gpt-test', object: 'model', created: 1, owned_by: 'openai' }] };
    }],
    ['POST', /^\/api\/v1\/users\/([^/]+)\/update$/, (req, m, body) => {
      need(req, 'admin');
      const target = state.users.find((u) => u.id === m[1]);
      if (!target) throw new HttpError(404, 'User not found');
      const email = body.email === undefined ? target.email : String(body.email).toLowerCase();
      if (state.users.some((u) => u !== target && u.email === email)) throw new HttpError(400, 'Uh-oh! This email is already registered.');
      Object.assign(target, { role: body.role ?? target.role, name: body.name ?? target.name, email });
      if (body.password) target.password = body.password;
      return publicUser(target);
    }],
    ['GET', /^\/api\/v1\/users\/user\/settings$/, (req) => need(req, 'verified').settings],
    ['POST', /^\/api\/v1\/users\/user\/settings\/update$/, (req, _m, body) => {
      const user = need(req, 'verified');
      user.settings = { ...(user.settings ?? {}), ...body };
      return user.settings;
    }],
    ['GET', /^\/api\/models$/, (req) => {
      // Non-admins see a model only through a readable preset row (docs/api.md, Models).
      const user = need(req, 'verified');
      const visible = (m) => {
        const preset = state.presets.get(m.id);
        return user.role === 'admin' || (preset && preset.is_active && allowed(user, preset, 'read'));
      };
      const custom = [...state.presets.values()].filter((p) => p.base_model_id && p.is_active && allowed(user, p, 'read'));
      // A base model's preset row renames it and carries its meta (hidden, description); the admin's order sorts the list.
      const base = MODELS.filter(visible).map((m) => {
        const preset = state.presets.get(m.id);
        return preset ? { ...m, name: preset.name, info: preset } : m;
      });
      const all = [...base, ...custom.map((p) => ({ id: p.id, name: p.name, object: 'model', created: p.created_at, owned_by: 'openai', preset: true, info: p, actions: [], filters: [], tags: [] }))];
      const rank = (id) => { const i = (state.modelOrder ?? []).indexOf(id); return i < 0 ? Infinity : i; };
      return { data: all.sort((a, b) => rank(a.id) - rank(b.id)) };
    }],
    ['GET', /^\/api\/v1\/models\/$/, (req) => (need(req, 'admin'), [...state.presets.values()])],
    ['DELETE', /^\/api\/v1\/models\/model\/delete$/, (req, _m, _b, _r, q) => {
      need(req, 'admin');
      if (!state.presets.delete(q.get('id'))) throw new HttpError(401, 'Model not found');
      return true;
    }],
    ['GET', /^\/api\/v1\/models\/base$/, (req) => (need(req, 'admin'), [...state.presets.values()].filter((p) => p.base_model_id === null))],
    ['POST', /^\/api\/v1\/models\/create$/, (req, _m, body) => {
      const user = need(req, 'admin');
      if (state.presets.has(body.id)) throw new HttpError(401, 'Model ID already taken');
      const p = { ...body, user_id: user.id, is_active: body.is_active ?? true, created_at: now(), updated_at: now() };
      state.presets.set(p.id, p);
      return p;
    }],
    ['POST', /^\/api\/v1\/models\/model\/update$/, (req, _m, body, _r, q) => {
      need(req, 'admin');
      const id = q.get('id');
      if (!state.presets.has(id)) throw new HttpError(401, 'Model not found');
      const p = { ...state.presets.get(id), ...body, id, updated_at: now() };
      state.presets.set(id, p);
      return p;
    }],
    ['GET', /^\/api\/v1\/configs\/banners$/, (req) => (need(req, 'verified'), state.banners)],
    ['POST', /^\/api\/v1\/configs\/banners$/, (req, _m, body) => {
      need(req, 'admin');
      if (!Array.isArray(body.banners) || body.banners.some((b) => typeof b?.id !== 'string' || typeof b?.content !== 'string')) throw new HttpError(422, 'Invalid banners');
      state.banners = body.banners.map((b) => ({ id: b.id, type: String(b.type ?? ''), title: b.title ?? null, content: b.content, dismissible: !!b.dismissible, timestamp: Number(b.timestamp) || 0 }));
      return state.banners;
    }],
    ['GET', /^\/api\/v1\/chats\/(?:list)?$/, (req, _m, _b, _r, q) => {
      const user = need(req, 'verified');
      const items = [...state.chats.values()].filter((c) => c.user_id === user.id && !c.archived && !c.pinned && !c.folder_id).sort(byUpdated);
      return page(items, Number(q.get('page') ?? 0), CHAT_PAGE).map(listItem);
    }],
    ['GET', /^\/api\/v1\/chats\/pinned$/, (req) => {
      const user = need(req, 'verified');
      return [...state.chats.values()].filter((c) => c.user_id === user.id && c.pinned && !c.archived).sort(byUpdated).map(listItem);
    }],
    ['GET', /^\/api\/v1\/chats\/archived$/, (req, _m, _b, _r, q) => {
      const user = need(req, 'verified');
      const items = [...state.chats.values()].filter((c) => c.user_id === user.id && c.archived).sort(byUpdated);
      return page(items, Number(q.get('page') ?? 1), CHAT_PAGE).map(listItem);
    }],
    ['GET', /^\/api\/v1\/chats\/search$/, (req, _m, _b, _r, q) => {
      const user = need(req, 'verified');
      const text = (q.get('text') ?? '').toLowerCase();
      const items = [...state.chats.values()]
        .filter((c) => c.user_id === user.id && !c.archived)
        .filter((c) => {
          const tag = /^tag:(\S+)$/.exec(text)?.[1];
          if (tag) return (c.meta.tags ?? []).includes(tag);
          const shared = /^shared:(true|false)$/.exec(text)?.[1];
          if (shared) return !!c.share_id === (shared === 'true');
          return c.title.toLowerCase().includes(text) || (c.chat.messages ?? []).some((m) => m.content?.toLowerCase().includes(text));
        })
        .sort(byUpdated);
      return page(items, Number(q.get('page') ?? 1), CHAT_PAGE).map(listItem);
    }],
    ['POST', /^\/api\/v1\/chats\/new$/, (req, _m, body) => {
      const user = need(req, 'verified');
      const id = randomUUID();
      const t = now();
      const chat = { id, user_id: user.id, title: body.chat?.title || 'New Chat', chat: { ...body.chat, id }, updated_at: t, created_at: t, share_id: null, archived: false, pinned: false, meta: {}, folder_id: body.folder_id ?? null };
      state.chats.set(id, chat);
      return chat;
    }],
    ['GET', /^\/api\/v1\/chats\/folder\/([^/]+)\/list$/, (req, m, _b, _r, q) => {
      const user = need(req, 'verified');
      const items = [...state.chats.values()].filter((c) => c.user_id === user.id && c.folder_id === m[1] && !c.archived).sort(byUpdated);
      return page(items, Number(q.get('page') ?? 1), FOLDER_PAGE).map((c) => ({ id: c.id, title: c.title, updated_at: c.updated_at }));
    }],
    ['POST', /^\/api\/v1\/chats\/([^/]+)\/pin$/, (req, m) => {
      const c = ownChat(need(req, 'verified'), m[1]);
      c.pinned = !c.pinned;
      return c;
    }],
    ['POST', /^\/api\/v1\/chats\/([^/]+)\/archive$/, (req, m) => {
      const c = ownChat(need(req, 'verified'), m[1]);
      c.archived = !c.archived;
      return c;
    }],
    ['POST', /^\/api\/v1\/chats\/([^/]+)\/folder$/, (req, m, body) => {
      const user = need(req, 'verified');
      const c = ownChat(user, m[1]);
      if (body.folder_id && state.folders.get(body.folder_id)?.user_id !== user.id) throw new HttpError(404, 'Folder not found');
      c.folder_id = body.folder_id ?? null;
      c.updated_at = now();
      return c;
    }],
    ['POST', /^\/api\/v1\/chats\/([^/]+)\/share$/, (req, m) => {
      const c = ownChat(need(req, 'verified'), m[1]);
      c.share_id ??= randomUUID();
      const snapshot = { ...structuredClone(c), id: c.share_id, user_id: `shared-${c.id}`, share_id: null };
      state.shares.set(c.share_id, snapshot);
      return snapshot;
    }],
    ['GET', /^\/api\/v1\/chats\/share\/([^/]+)$/, (req, m) => {
      need(req, 'verified');
      const snapshot = state.shares.get(m[1]);
      if (!snapshot) throw new HttpError(404, 'Not found');
      return snapshot;
    }],
    ['POST', /^\/api\/v1\/chats\/([^/]+)\/clone\/shared$/, (req, m) => {
      const user = need(req, 'verified');
      const snapshot = state.shares.get(m[1]);
      if (!snapshot) throw new HttpError(404, 'Not found');
      const id = randomUUID();
      const copy = { ...structuredClone(snapshot), id, user_id: user.id, title: `Clone of ${snapshot.title}`, folder_id: null, pinned: false, archived: false, created_at: now(), updated_at: now() };
      copy.chat.id = id;
      state.chats.set(id, copy);
      return copy;
    }],
    ['GET', /^\/api\/v1\/chats\/([^/]+)\/tags$/, (req, m) => chatTags(ownChat(need(req, 'verified'), m[1]))],
    ['POST', /^\/api\/v1\/chats\/([^/]+)\/tags$/, (req, m, body) => {
      const user = need(req, 'verified');
      return addTag(user, ownChat(user, m[1]), body.name);
    }],
    ['DELETE', /^\/api\/v1\/chats\/([^/]+)\/tags$/, (req, m, body) => {
      const c = ownChat(need(req, 'verified'), m[1]);
      c.meta.tags = (c.meta.tags ?? []).filter((t) => t !== tagId(body.name ?? ''));
      return chatTags(c);
    }],
    ['GET', /^\/api\/v1\/chats\/([^/]+)$/, (req, m) => ownChat(need(req, 'verified'), m[1])],
    ['POST', /^\/api\/v1\/chats\/([^/]+)$/, (req, m, body) => {
      const c = ownChat(need(req, 'verified'), m[1]);
      c.chat = { ...c.chat, ...body.chat };
      if (body.chat?.title) c.title = body.chat.title;
      c.updated_at = now();
      return c;
    }],
    ['DELETE', /^\/api\/v1\/chats\/([^/]+)$/, (req, m) => {
      ownChat(need(req, 'verified'), m[1]);
      state.chats.delete(m[1]);
      return true;
    }],
    ['GET', /^\/api\/v1\/folders\/?$/, (req) => {
      const user = need(req, 'verified');
      return [...state.folders.values()].filter((f) => f.user_id === user.id);
    }],
    ['POST', /^\/api\/v1\/folders\/?$/, (req, _m, body) => {
      const user = need(req, 'verified');
      const name = String(body.name ?? '').trim();
      if (!name) throw new HttpError(400, 'Folder name is required');
      if ([...state.folders.values()].some((f) => f.user_id === user.id && !f.parent_id && f.name.toLowerCase() === name.toLowerCase())) throw new HttpError(400, 'Folder already exists');
      const f = { id: randomUUID(), parent_id: null, user_id: user.id, name, items: null, meta: null, data: null, is_expanded: false, created_at: now(), updated_at: now() };
      state.folders.set(f.id, f);
      return f;
    }],
    ['POST', /^\/api\/v1\/folders\/([^/]+)\/update$/, (req, m, body) => {
      const user = need(req, 'verified');
      const f = state.folders.get(m[1]);
      if (!f || f.user_id !== user.id) throw new HttpError(404, 'Folder not found');
      if ([...state.folders.values()].some((o) => o.id !== f.id && o.user_id === user.id && o.parent_id === f.parent_id && o.name.toLowerCase() === String(body.name).toLowerCase())) throw new HttpError(400, 'Folder already exists');
      f.name = body.name;
      return f;
    }],
    ['POST', /^\/api\/v1\/folders\/([^/]+)\/update\/expanded$/, (req, m, body) => {
      const user = need(req, 'verified');
      const f = state.folders.get(m[1]);
      if (!f || f.user_id !== user.id) throw new HttpError(404, 'Folder not found');
      f.is_expanded = !!body.is_expanded;
      return f;
    }],
    ['DELETE', /^\/api\/v1\/folders\/([^/]+)$/, (req, m) => {
      const user = need(req, 'verified');
      const f = state.folders.get(m[1]);
      if (!f || f.user_id !== user.id) throw new HttpError(404, 'Folder not found');
      const doomed = new Set([f.id]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const o of state.folders.values()) if (o.parent_id && doomed.has(o.parent_id) && !doomed.has(o.id)) grew = doomed.add(o.id) && true;
      }
      for (const id of doomed) state.folders.delete(id);
      for (const c of [...state.chats.values()]) if (doomed.has(c.folder_id)) state.chats.delete(c.id);
      return true;
    }],
    ['POST', /^\/api\/v1\/files\/?$/, (req, _m, raw) => {
      const user = need(req, 'verified');
      const name = /filename="([^"]+)"/.exec(raw)?.[1];
      if (!name) throw new HttpError(400, 'No file');
      const type = /filename="[^"]+"\r\nContent-Type: ([^\r\n]+)/i.exec(raw)?.[1] ?? 'text/plain';
      const f = { id: randomUUID(), user_id: user.id, hash: null, filename: name, data: { status: 'pending' }, meta: { name, content_type: type, size: raw.length, data: {} }, created_at: now(), updated_at: now(), status: true, text: raw.split('\r\n\r\n')[1]?.split('\r\n--')[0] ?? '' };
      state.files.set(f.id, f);
      return f;
    }, 'raw'],
    ['GET', /^\/api\/v1\/files\/([^/]+)\/process\/status$/, (req, m, _b, res) => {
      need(req, 'verified');
      const f = state.files.get(m[1]);
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      if (!f) return res.end('data: {"status": "not_found"}\n\n');
      res.write('data: {"status": "pending"}\n\n');
      setTimeout(() => {
        const failed = f.filename.includes('broken');
        f.data.status = failed ? 'failed' : 'completed';
        res.end(failed ? 'data: {"status": "failed", "error": "Could not extract text"}\n\n' : 'data: {"status": "completed"}\n\n');
      }, 300);
      return STREAMED;
    }],
    ['GET', /^\/api\/v1\/knowledge\/?$/, (req) => {
      const user = need(req, 'verified');
      return [...state.knowledge.values()].filter((k) => allowed(user, k, 'read')).map(withFiles);
    }],
    ['GET', /^\/api\/v1\/knowledge\/list$/, (req) => {
      const user = need(req, 'verified');
      return [...state.knowledge.values()].filter((k) => k.user_id === user.id).map(withFiles);
    }],
    ['POST', /^\/api\/v1\/knowledge\/create$/, (req, _m, body) => {
      const user = need(req, 'verified');
      if (!String(body.name ?? '').trim()) throw new HttpError(400, 'Name is required');
      const k = { id: randomUUID(), user_id: user.id, name: body.name, description: body.description ?? '', data: { file_ids: [] }, meta: null, access_control: body.access_control ?? {}, created_at: now(), updated_at: now() };
      state.knowledge.set(k.id, k);
      return withFiles(k);
    }],
    ['GET', /^\/api\/v1\/knowledge\/([^/]+)$/, (req, m) => withFiles(ownKnowledge(need(req, 'verified'), m[1], true))],
    ['POST', /^\/api\/v1\/knowledge\/([^/]+)\/file\/add$/, (req, m, body) => {
      const k = ownKnowledge(need(req, 'verified'), m[1]);
      const f = state.files.get(body.file_id);
      if (!f || f.data.status !== 'completed') throw new HttpError(400, 'File not processed');
      k.data.file_ids = [...new Set([...k.data.file_ids, f.id])];
      return withFiles(k);
    }],
    ['POST', /^\/api\/v1\/knowledge\/([^/]+)\/file\/remove$/, (req, m, body) => {
      const k = ownKnowledge(need(req, 'verified'), m[1]);
      k.data.file_ids = k.data.file_ids.filter((id) => id !== body.file_id);
      return withFiles(k);
    }],
    ['DELETE', /^\/api\/v1\/knowledge\/([^/]+)\/delete$/, (req, m) => {
      ownKnowledge(need(req, 'verified'), m[1]);
      state.knowledge.delete(m[1]);
      return true;
    }],
    ['GET', /^\/api\/v1\/prompts\/(?:list)?$/, (req) => {
      const user = need(req, 'verified');
      return [...state.prompts.values()].filter((p) => allowed(user, p, 'read'));
    }],
    ['POST', /^\/api\/v1\/prompts\/create$/, (req, _m, body) => {
      const user = need(req, 'verified');
      if (!/^\/[\w-]+$/.test(body.command ?? '')) throw new HttpError(400, 'Invalid command');
      if (state.prompts.has(body.command)) throw new HttpError(400, 'Uh-oh! This command is already registered. Please choose another command string.');
      const p = { command: body.command, user_id: user.id, title: body.title, content: body.content, access_control: body.access_control ?? null, timestamp: now() };
      state.prompts.set(p.command, p);
      return p;
    }],
    ['POST', /^\/api\/v1\/prompts\/command\/([^/]+)\/update$/, (req, m, body) => {
      const user = need(req, 'verified');
      const p = state.prompts.get(`/${m[1]}`);
      if (!p || p.user_id !== user.id) throw new HttpError(401, 'Not found');
      Object.assign(p, { title: body.title, content: body.content, access_control: body.access_control, timestamp: now() });
      return p;
    }],
    ['DELETE', /^\/api\/v1\/prompts\/command\/([^/]+)\/delete$/, (req, m) => {
      const user = need(req, 'verified');
      const p = state.prompts.get(`/${m[1]}`);
      if (!p || p.user_id !== user.id) throw new HttpError(401, 'Not found');
      state.prompts.delete(p.command);
      return true;
    }],
    ['POST', /^\/api\/chat\/completions$/, (req, _m, body, res) => {
      const user = need(req, 'verified');
      if (notes.asksTitle(body)) return notes.titleCompletion(body);
      if (body.session_id || body.stream === false) return startCompletion(user, body);
      notes.streamCompletion(user, body, res);
      return STREAMED;
    }],
    ['POST', /^\/api\/chat\/completed$/, (req, _m, body) => (need(req, 'verified'), body)],
    ['POST', /^\/api\/tasks\/stop\/([^/]+)$/, (req, m) => {
      need(req, 'verified');
      const task = state.tasks.get(m[1]);
      if (!task) throw new HttpError(404, 'Task not found');
      task.stop();
      return { status: true, message: `Stop signal sent for ${m[1]}` };
    }],
    ['GET', /^\/api\/tasks\/chat\/([^/]+)$/, (req, m) => {
      need(req, 'verified');
      return { task_ids: [...state.tasks].filter(([, t]) => t.chat_id === m[1]).map(([id]) => id) };
    }]
  ];

  // Notes, channels, ratings and the smaller pieces live in stand-in/*.js; they answer first.
  let lastNs = 0;
  const nowNs = () => (lastNs = Math.max(lastNs + 1000, Date.now() * 1e6));
  const userOf = (socket) => state.users.find((u) => u.id === sockets.get(socket.id));
  const ctx = { state, need, HttpError, now, nowNs, userOf, io: () => io, withFiles, ownChat, allowed, STREAMED };
  const code = codeFeature(ctx);
  const notes = notesFeature(ctx);
  const direct = directFeature(ctx);
  const features = [notes, channelsFeature(ctx), miscFeature(ctx), chatFilesFeature(ctx), adminFeature(ctx), databaseFeature(ctx), memoriesFeature(ctx), code, audioFeature(ctx), autocompleteFeature(ctx), direct, interfaceFeature(ctx)];
  state.roomSize = (room) => io.sockets.adapter.rooms.get(room)?.size ?? 0;
  routes.unshift(...features.flatMap((f) => f.routes));

  function serveStatic(req, res, pathname) {
    const file = normalize(join(staticDir, pathname));
    const inside = file.startsWith(normalize(staticDir));
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(staticDir, 'index.html');
    const hashed = target.includes(`${normalize(staticDir)}/assets/`);
    // Like the gateway (gzip_static): the precompressed copy when the browser accepts gzip.
    const gzipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && existsSync(`${target}.gz`);
    res.writeHead(200, {
      'Content-Type': MIME[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {})
    });
    createReadStream(gzipped ? `${target}.gz` : target).pipe(res);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://stand-in');
    const route = routes.find(([method, re]) => method === req.method && re.test(url.pathname));
    if (!route) {
      if (url.pathname.startsWith('/api/')) return send(res, 404, { detail: 'Not Found' });
      if (url.pathname === '/user.png') return send(res, 404, { detail: 'Not Found' });
      return serveStatic(req, res, url.pathname);
    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    state.calls.push(`${req.method} ${url.pathname}${url.search}`);
    try {
      const body = route[3] === 'raw' ? raw : raw ? JSON.parse(raw) : {};
      const result = route[2](req, route[1].exec(url.pathname), body, res, url.searchParams);
      if (result !== STREAMED) send(res, 200, result);
    } catch (e) {
      send(res, e instanceof HttpError ? e.status : e instanceof SyntaxError ? 400 : 500, { detail: e.message });
    }
  });

  function send(res, status, body) {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? null));
  }

  const io = new Server(server, { path: '/ws/socket.io', transports: ['websocket'], allowUpgrades: false });
  io.on('connection', (socket) => {
    const bind = (token) => {
      const userId = state.tokens.get(token);
      if (userId) sockets.set(socket.id, userId);
      return userId;
    };
    bind(socket.handshake.auth?.token);
    socket.on('user-join', (data, ack) => {
      const userId = bind(data?.auth?.token);
      const user = state.users.find((u) => u.id === userId);
      if (typeof ack === 'function') ack(user ? { id: user.id, name: user.name } : null);
    });
    for (const f of features) f.onConnection?.(socket);
    socket.on('disconnect', () => sockets.delete(socket.id));
  });

  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        state,
        close: () => new Promise((r) => { io.close(); server.close(() => r()); })
      });
    });
  });
}

// `node e2e/stand-in-backend.js` serves dist/ for manual use with a browser.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('../dist', import.meta.url).pathname;
  startStandIn({ staticDir: dir, port: Number(process.env.PORT ?? 3000) }).then((s) => console.log(`stand-in backend on ${s.url} serving ${dir}`));
}
