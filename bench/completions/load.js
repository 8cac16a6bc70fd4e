// Time to first token through api-service vs straight to the provider, in one run, side by side.
// Runs its own instant OpenAI-compatible provider (real SSE wire format) in this process, so the
// "direct" and "through api-service" figures share the same machine load and clock.
// Environment: API (api-service base URL), TOKEN (admin JWT), UPSTREAM_PORT, REDIS_PORT, EMIT_CHANNEL,
// CHAT_ID (a chat of the admin with 1,200 messages), ROUNDS (default 300), CONCURRENT (default 200).
'use strict';
const http = require('http');
const net = require('net');
const { performance } = require('perf_hooks');

const API = process.env.API;
const TOKEN = process.env.TOKEN;
const UPSTREAM_PORT = Number(process.env.UPSTREAM_PORT);
const ROUNDS = Number(process.env.ROUNDS || 300);
const CONCURRENT = Number(process.env.CONCURRENT || 200);
// TCP_NODELAY on both ends: with Nagle's algorithm a chunk waits for the peer's delayed ACK
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000, noDelay: true });

// ---- the provider: answers instantly, records when each request arrived ----------------------
const arrivals = new Map(); // marker -> ms
const chunk = (content) => JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-fake',
  choices: [{ index: 0, delta: { content }, finish_reason: null }] });
const provider = http.createServer({ noDelay: true }, (req, res) => {
  if (req.url.endsWith('/models')) {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-fake', object: 'model', owned_by: 'system' }] }));
    return;
  }
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(parts).toString());
    const marker = body.messages[body.messages.length - 1].content;
    arrivals.set(marker, performance.now());
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.write(`data: ${chunk('Hello')}\n\n`);
    res.write(`data: ${chunk(' world')}\n\n`);
    res.end(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'gpt-fake', choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } })}\n\ndata: [DONE]\n\n`);
  });
});

// ---- socket mode: the first chat:completion emit for a message id, read off Redis -------------
const firstEmit = new Map(); // message id -> resolve
function subscribe() {
  return new Promise((resolve) => {
    const socket = net.connect(Number(process.env.REDIS_PORT || 6379), '127.0.0.1');
    let buffer = Buffer.alloc(0);
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        const parsed = parseArray(buffer);
        if (!parsed) break;
        buffer = buffer.subarray(parsed.used);
        const [kind, , payload] = parsed.items;
        if (kind === 'subscribe') resolve();
        if (kind !== 'message') continue;
        const emit = JSON.parse(payload);
        const id = emit.data && emit.data.message_id;
        const content = emit.data && emit.data.data && emit.data.data.data && emit.data.data.data.content;
        const waiter = firstEmit.get(id);
        if (waiter && content) { firstEmit.delete(id); waiter(performance.now()); }
      }
    });
    socket.write(`SUBSCRIBE ${process.env.EMIT_CHANNEL}\r\n`);
  });
}
function parseArray(buf) { // RESP: *n then n bulk strings or integers
  let pos = 0;
  const line = () => { const end = buf.indexOf('\r\n', pos); if (end < 0) return null; const s = buf.toString('utf8', pos, end); pos = end + 2; return s; };
  const head = line(); if (head === null) return null;
  const n = Number(head.slice(1)); const items = [];
  for (let i = 0; i < n; i++) {
    const h = line(); if (h === null) return null;
    if (h[0] === ':') { items.push(Number(h.slice(1))); continue; }
    const len = Number(h.slice(1));
    if (buf.length < pos + len + 2) return null;
    items.push(buf.toString('utf8', pos, pos + len)); pos += len + 2;
  }
  return { items, used: pos };
}

// ---- one request: ms until the first content chunk (SSE) or first emit (socket) ---------------
function post(url, body, headers) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, ...headers } },
      (res) => resolve(res));
    req.on('error', reject);
    req.end(data);
  });
}
let seq = 0;
async function sseFirstToken(base, auth) {
  const marker = `m-${seq++}`;
  const start = performance.now();
  const res = await post(`${base}/chat/completions`, { model: 'gpt-fake', stream: true, messages: [{ role: 'user', content: marker }] },
    auth ? { Authorization: `Bearer ${TOKEN}` } : {});
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
  return new Promise((resolve) => {
    let first = null; let text = '';
    res.on('data', (d) => { text += d; if (first === null && text.includes('"content"')) first = performance.now() - start; });
    res.on('end', () => resolve(first));
  });
}
async function socketFirstToken() {
  const marker = `s-${seq++}`;
  const messageId = `msg-${marker}`;
  const emitted = new Promise((resolve) => firstEmit.set(messageId, resolve));
  const start = performance.now();
  const res = await post(`${API}/api/chat/completions`, { model: 'gpt-fake', stream: true, messages: [{ role: 'user', content: marker }],
    session_id: 'bench-sid', chat_id: 'local', id: messageId }, { Authorization: `Bearer ${TOKEN}` });
  res.resume();
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
  return (await emitted) - start;
}
async function longChatDeparture(direct) {
  const marker = `l-${seq++}`;
  const messages = [];
  for (let i = 0; i < 1199; i++) messages.push({ role: i % 2 ? 'assistant' : 'user', content: `message ${i} `.padEnd(500, 'x') });
  messages.push({ role: 'user', content: marker });
  const body = direct ? { model: 'gpt-fake', stream: true, messages }
    : { model: 'gpt-fake', stream: true, messages, session_id: 'bench-sid', chat_id: process.env.CHAT_ID, id: `msg-${marker}`, params: {} };
  const start = performance.now();
  const res = await post(direct ? `http://127.0.0.1:${UPSTREAM_PORT}/v1/chat/completions` : `${API}/api/chat/completions`, body,
    direct ? {} : { Authorization: `Bearer ${TOKEN}` });
  res.resume();
  await new Promise((r) => res.on('end', r));
  for (let i = 0; i < 200 && !arrivals.has(marker); i++) await new Promise((r) => setTimeout(r, 5));
  return arrivals.get(marker) - start;
}

const pct = (list, p) => { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
async function measure(fn, concurrency, rounds) {
  const all = [];
  for (let done = 0; done < rounds; done += concurrency) {
    const batch = await Promise.all(Array.from({ length: Math.min(concurrency, rounds - done) }, fn));
    all.push(...batch);
  }
  return { p50: pct(all, 50), p99: pct(all, 99), n: all.length };
}
function row(name, direct, through) {
  const f = (x) => x.toFixed(2);
  console.log(`| ${name} | ${f(direct.p50)} / ${f(direct.p99)} | ${f(through.p50)} / ${f(through.p99)} | ${f(through.p50 - direct.p50)} | ${f(through.p99 - direct.p99)} |`);
}

// api-service's pooled connections to the provider sit idle while other phases run: keep them open
provider.keepAliveTimeout = 10 * 60 * 1000;

(async () => {
  await new Promise((r) => provider.listen(UPSTREAM_PORT, '127.0.0.1', r));
  await subscribe();
  const upstream = `http://127.0.0.1:${UPSTREAM_PORT}/v1`;
  // warm up both paths (JIT, connection pools)
  await measure(() => sseFirstToken(upstream, false), 20, 400);
  await measure(() => sseFirstToken(`${API}/api`, true), 20, 400);
  await measure(socketFirstToken, 20, 400);
  console.log('| streams in flight | direct p50 / p99 ms | through api-service p50 / p99 ms | added p50 ms | added p99 ms |');
  console.log('|---|---|---|---|---|');
  for (const c of [1, CONCURRENT]) {
    const rounds = c === 1 ? ROUNDS : Math.max(ROUNDS, c * 5);
    const direct = await measure(() => sseFirstToken(upstream, false), c, rounds);
    const sse = await measure(() => sseFirstToken(`${API}/api`, true), c, rounds);
    const socket = await measure(socketFirstToken, c, rounds);
    row(`SSE mode, ${c}`, direct, sse);
    row(`socket mode (first chat:completion on Redis), ${c}`, direct, socket);
  }
  const directLong = await measure(() => longChatDeparture(true), 1, 20);
  const throughLong = await measure(() => longChatDeparture(false), 1, 20);
  row('1,200-message chat: request sent → provider receives it', directLong, throughLong);
  provider.close();
  agent.destroy();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
