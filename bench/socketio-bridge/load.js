// Load script for the Socket.IO bridge. Connects SOCKETS real socket.io-client@4 sockets (TABS per
// user), then publishes emit requests on Redis exactly as the services do and measures, at the
// sockets: end-to-end latency (p50/p99) at a steady rate, and deliveries per second flat out.
// Environment: BRIDGE_URL, REDIS_URL, REDIS_KEY_PREFIX, WEBUI_SECRET_KEY, USER_IDS (comma-separated,
// users that exist in the bridge's database), SOCKETS, TABS, RATE (emits/s, latency phase),
// LATENCY_EMITS, BURST_EMITS, WARMUP_EMITS.
const crypto = require('crypto');
const { io } = require('socket.io-client');
const { createClient } = require('redis');

const env = (name, fallback) => process.env[name] ?? fallback;
const BRIDGE_URL = env('BRIDGE_URL', 'http://127.0.0.1:8081');
const PREFIX = env('REDIS_KEY_PREFIX', 'open-webui');
const SECRET = env('WEBUI_SECRET_KEY');
const USER_IDS = env('USER_IDS', '').split(',').filter(Boolean);
const SOCKETS = Number(env('SOCKETS', 1000));
const RATE = Number(env('RATE', 200));
const LATENCY_EMITS = Number(env('LATENCY_EMITS', 2000));
const BURST_EMITS = Number(env('BURST_EMITS', 200));
const WARMUP_EMITS = Number(env('WARMUP_EMITS', 20));

const now = () => performance.timeOrigin + performance.now();
const b64url = (value) => Buffer.from(value).toString('base64url');
function jwt(userId) {
  const body = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) + '.' + b64url(JSON.stringify({ id: userId }));
  return body + '.' + crypto.createHmac('sha256', SECRET).update(body).digest('base64url');
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const redis = createClient({ url: env('REDIS_URL', 'redis://127.0.0.1:6379/0') });
  await redis.connect();
  const channel = `${PREFIX}:bridge:emit`;

  const latencies = [];
  let received = 0;
  let connected = 0;
  let failed = 0;
  const sockets = [];
  const started = now();
  for (let i = 0; i < SOCKETS; i++) {
    const user = USER_IDS[i % USER_IDS.length];
    const socket = io(BRIDGE_URL, { path: '/ws/socket.io', transports: ['websocket'], auth: { token: jwt(user) }, reconnection: false, forceNew: true });
    socket.on('connect', () => connected++);
    socket.on('connect_error', () => failed++);
    socket.on('chat-events', (data) => {
      received++;
      if (data.phase === 'latency') latencies.push(now() - data.sent);
    });
    sockets.push(socket);
    if (i % 100 === 99) await sleep(20); // do not stampede the accept queue
  }
  while (connected + failed < SOCKETS) await sleep(50);
  const connectSeconds = (now() - started) / 1000;
  while (Number(await redis.hLen(`${PREFIX}:bridge:sessions`)) < connected) await sleep(100);
  console.error(`connected and registered ${connected} sockets (${failed} failed) in ${connectSeconds.toFixed(1)} s`);
  if (process.env.READY_FILE) require('fs').writeFileSync(process.env.READY_FILE, 'ready');
  await sleep(Number(env('HOLD_MS', 0)));

  // Warm-up (JIT, connection pools), not measured.
  received = 0;
  for (let i = 0; i < WARMUP_EMITS; i++) {
    await redis.publish(channel, JSON.stringify({ event: 'chat-events', data: { phase: 'warmup' }, to: { all: true } }));
  }
  const warmupEnd = now() + 60000;
  while (received < WARMUP_EMITS * connected && now() < warmupEnd) await sleep(20);

  // Phase 1: steady rate, one emit per user (all of its tabs), latency measured at every socket.
  const perUser = SOCKETS / USER_IDS.length;
  received = 0;
  const interval = 1000 / RATE;
  const t0 = now();
  for (let i = 0; i < LATENCY_EMITS; i++) {
    const due = t0 + i * interval;
    while (now() < due) await sleep(Math.max(0, Math.min(5, due - now())));
    const message = { event: 'chat-events', data: { phase: 'latency', sent: now(), n: i }, to: { user_ids: [USER_IDS[i % USER_IDS.length]] } };
    await redis.publish(channel, JSON.stringify(message));
  }
  const expected = Math.round(LATENCY_EMITS * perUser * connected / SOCKETS);
  const deadline = now() + 15000;
  while (received < expected && now() < deadline) await sleep(20);
  latencies.sort((a, b) => a - b);

  // Phase 2: flat out, every emit to every socket.
  received = 0;
  const burstExpected = BURST_EMITS * connected;
  const t1 = now();
  for (let i = 0; i < BURST_EMITS; i++) {
    await redis.publish(channel, JSON.stringify({ event: 'chat-events', data: { phase: 'burst', n: i }, to: { all: true } }));
  }
  const publishDone = now();
  const burstDeadline = now() + 60000;
  while (received < burstExpected && now() < burstDeadline) await sleep(5);
  const burstSeconds = (now() - t1) / 1000;

  const result = {
    sockets: connected, failed_connects: failed, users: USER_IDS.length, connect_seconds: +connectSeconds.toFixed(2),
    latency: { emits: LATENCY_EMITS, rate_per_s: RATE, deliveries: latencies.length, expected,
      p50_ms: +percentile(latencies, 0.5).toFixed(2), p99_ms: +percentile(latencies, 0.99).toFixed(2), max_ms: +latencies[latencies.length - 1].toFixed(2) },
    burst: { emits: BURST_EMITS, deliveries: received, expected: burstExpected, publish_seconds: +((publishDone - t1) / 1000).toFixed(2),
      seconds: +burstSeconds.toFixed(2), emits_per_s: Math.round(BURST_EMITS / burstSeconds), deliveries_per_s: Math.round(received / burstSeconds) },
  };
  console.log(JSON.stringify(result, null, 2));
  sockets.forEach((s) => s.disconnect());
  await redis.quit();
}

main().catch((e) => { console.error(e); process.exit(1); });
