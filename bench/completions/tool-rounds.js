// Time api-service adds per tool round (socket mode, native function calling), the tool and the
// model excluded: from the provider finishing a round that asks for a tool call to the provider
// receiving the next round's request, minus the time the tool took in the "browser". The tool is a
// user tool server (`tool_servers`), run by a fake browser in this process that answers the
// bridge's event calls on Redis, so the figure includes the two Redis hops of the call.
// Environment: API, TOKEN, UPSTREAM_PORT, REDIS_PORT, CALL_CHANNEL, ROUNDS (default 300).
'use strict';
const http = require('http');
const net = require('net');
const { performance } = require('perf_hooks');

const API = process.env.API;
const TOKEN = process.env.TOKEN;
const UPSTREAM_PORT = Number(process.env.UPSTREAM_PORT);
const ROUNDS = Number(process.env.ROUNDS || 300);
const agent = new http.Agent({ keepAlive: true, maxSockets: 100, noDelay: true });

const roundEnded = new Map(); // marker -> ms the first round's last byte was written
const toolTime = new Map(); // marker -> ms the browser spent on the call
const nextRound = new Map(); // marker -> resolve(ms the second round arrived)

const event = (delta) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-fake',
  choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
const end = `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'gpt-fake', choices: [],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } })}\n\ndata: [DONE]\n\n`;

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
    const marker = body.messages.filter((m) => m.role === 'user').pop().content;
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    if (body.messages.some((m) => m.role === 'tool')) {
      const waiter = nextRound.get(marker);
      if (waiter) { nextRound.delete(marker); waiter(performance.now()); }
      res.write(event({ content: 'done' }));
      res.end(end);
      return;
    }
    res.write(event({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'bench_tool', arguments: '' } }] }));
    res.write(event({ tool_calls: [{ index: 0, function: { arguments: '{}' } }] }));
    res.end(end, () => roundEnded.set(marker, performance.now()));
  });
});

// ---- the browser: answers execute:tool calls at once --------------------------------------------
function resp(...args) { return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`; }
function parseArray(buf) {
  let pos = 0;
  const line = () => { const e = buf.indexOf('\r\n', pos); if (e < 0) return null; const s = buf.toString('utf8', pos, e); pos = e + 2; return s; };
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
function browser() {
  const port = Number(process.env.REDIS_PORT || 6379);
  const publisher = net.connect(port, '127.0.0.1');
  publisher.setNoDelay(true);
  publisher.on('data', () => {});
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
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
        const started = performance.now();
        const call = JSON.parse(payload);
        const marker = call.data.message_id.slice(4);
        publisher.write(resp('PUBLISH', call.reply_to, JSON.stringify({ id: call.id, result: [{ ok: true }, {}] })));
        toolTime.set(marker, performance.now() - started);
      }
    });
    socket.write(resp('SUBSCRIBE', process.env.CALL_CHANNEL));
  });
}

let seq = 0;
async function oneRound() {
  const marker = `t-${seq++}`;
  const arrived = new Promise((resolve) => nextRound.set(marker, resolve));
  const data = Buffer.from(JSON.stringify({ model: 'gpt-fake', stream: true, messages: [{ role: 'user', content: marker }],
    params: { function_calling: 'native' }, session_id: 'bench-sid', chat_id: 'local', id: `msg-${marker}`,
    tool_servers: [{ url: 'http://bench.invalid', specs: [{ name: 'bench_tool', description: 'x', parameters: { type: 'object', properties: {} } }] }] }));
  await new Promise((resolve, reject) => {
    const req = http.request(`${API}/api/chat/completions`, { method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, Authorization: `Bearer ${TOKEN}` } }, (res) => {
      res.resume();
      res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`));
    });
    req.on('error', reject);
    req.end(data);
  });
  const next = await arrived;
  return next - roundEnded.get(marker) - (toolTime.get(marker) || 0);
}

const pct = (list, p) => { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
(async () => {
  await new Promise((r) => provider.listen(UPSTREAM_PORT, '127.0.0.1', r));
  await browser();
  for (let i = 0; i < 200; i++) await oneRound(); // warm-up (JIT, pools, the event caller's subscription)
  const all = [];
  for (let i = 0; i < ROUNDS; i++) all.push(await oneRound());
  console.log('| tool rounds | added per round p50 ms | p99 ms |');
  console.log('|---|---|---|');
  console.log(`| ${all.length}, one at a time | ${pct(all, 50).toFixed(2)} | ${pct(all, 99).toFixed(2)} |`);
  provider.close();
  agent.destroy();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
