// Channel fan-out over two bridge instances. MEMBERS users, one real socket.io-client@4 socket each,
// alternate between BRIDGE_A and BRIDGE_B and join the channel's room with `join-channels`, as the UI
// does. channel-events are then published on the Redis emit channel exactly as api-service publishes
// them, and every socket records publish-to-receipt time.
// Phases: latency (MESSAGES at RATE per second to the room), flat out to the room (BURST messages),
// and flat out addressed to the 500 user ids instead (the notification path), for a side-by-side ratio.
// Environment: BRIDGE_A, BRIDGE_B, REDIS_URL, REDIS_KEY_PREFIX, WEBUI_SECRET_KEY, CHANNEL_ID, USER_PREFIX,
// MEMBERS, RATE, MESSAGES, BURST.
const crypto = require('crypto');
const { io } = require('socket.io-client');
const { createClient } = require('redis');

const env = (name, fallback) => process.env[name] ?? fallback;
const PREFIX = env('REDIS_KEY_PREFIX', 'open-webui');
const SECRET = env('WEBUI_SECRET_KEY');
const CHANNEL = env('CHANNEL_ID');
const MEMBERS = Number(env('MEMBERS', 500));
const RATE = Number(env('RATE', 10));
const MESSAGES = Number(env('MESSAGES', 200));
const BURST = Number(env('BURST', 50));
const BRIDGES = [env('BRIDGE_A'), env('BRIDGE_B')];
const userIds = Array.from({ length: MEMBERS }, (_, i) => `${env('USER_PREFIX', 'bench-user-')}${i + 1}`);

const now = () => performance.timeOrigin + performance.now();
const b64url = (value) => Buffer.from(value).toString('base64url');
function jwt(userId) {
  const body = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) + '.' + b64url(JSON.stringify({ id: userId }));
  return body + '.' + crypto.createHmac('sha256', SECRET).update(body).digest('base64url');
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The payload api-service's ChannelEvents builds for a new message.
function message(n, phase) {
  const id = crypto.randomUUID();
  const sent = now();
  const m = { id, user_id: userIds[0], channel_id: CHANNEL, reply_to_id: null, parent_id: null, content: `message ${n}`,
    data: null, meta: null, created_at: Math.round(sent * 1e6), updated_at: Math.round(sent * 1e6),
    user: { id: userIds[0], name: 'Bench 1', role: 'user', profile_image_url: '' }, reply_to_message: null,
    latest_reply_at: null, reply_count: 0, reactions: [] };
  return { channel_id: CHANNEL, message_id: id, data: { type: 'message', data: m }, phase, sent,
    user: m.user, channel: { id: CHANNEL, name: 'bench' } };
}

async function main() {
  const redis = createClient({ url: env('REDIS_URL', 'redis://127.0.0.1:6379/0') });
  await redis.connect();
  const emitChannel = `${PREFIX}:bridge:emit`;
  const room = `channel:${CHANNEL}`;
  const latencies = [];
  const received = {}; // deliveries per phase: late arrivals of one phase never count for the next
  let joined = 0;
  let failed = 0;
  const sockets = [];
  for (let i = 0; i < MEMBERS; i++) {
    const socket = io(BRIDGES[i % 2], { path: '/ws/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('connect', () => socket.emit('user-join', { auth: { token: jwt(userIds[i]) } }, () => joined++));
    socket.on('connect_error', () => failed++);
    socket.on('channel-events', (data) => {
      received[data.phase] = (received[data.phase] || 0) + 1;
      if (data.phase === 'latency') latencies.push(now() - data.sent);
    });
    sockets.push(socket);
    if (i % 100 === 99) await sleep(20);
  }
  const joinDeadline = now() + 120000;
  while (joined + failed < MEMBERS && now() < joinDeadline) await sleep(50);
  if (joined + failed < MEMBERS) throw new Error(`only ${joined} of ${MEMBERS} members joined within 120 s`);
  console.error(`${joined} members joined (${failed} failed), half on each instance`);

  const publish = (payload, to) => redis.publish(emitChannel, JSON.stringify({ event: 'channel-events', data: payload, to }));
  const drain = async (phase, expected, ms) => {
    const end = now() + ms;
    while ((received[phase] || 0) < expected && now() < end) await sleep(5);
  };

  for (let i = 0; i < 20; i++) await publish(message(i, 'warmup'), { rooms: [room] }); // not measured
  await drain('warmup', 20 * joined, 60000);

  const t0 = now();
  for (let i = 0; i < MESSAGES; i++) {
    const due = t0 + (i * 1000) / RATE;
    while (now() < due) await sleep(Math.max(0, Math.min(5, due - now())));
    await publish(message(i, 'latency'), { rooms: [room] });
  }
  await drain('latency', MESSAGES * joined, 60000);
  latencies.sort((a, b) => a - b);

  const flatOut = async (phase, to) => {
    const start = now();
    for (let i = 0; i < BURST; i++) await publish(message(i, phase), to);
    await drain(phase, BURST * joined, 120000);
    const seconds = (now() - start) / 1000;
    const got = received[phase] || 0;
    return { messages: BURST, deliveries: got, expected: BURST * joined, seconds: +seconds.toFixed(2),
      messages_per_s: Math.round(BURST / seconds), deliveries_per_s: Math.round(got / seconds) };
  };
  const toRoom = await flatOut('room', { rooms: [room] });
  const toUsers = await flatOut('user_ids', { user_ids: userIds });

  console.log(JSON.stringify({
    members: joined, failed_connects: failed, instances: 2,
    latency: { messages: MESSAGES, rate_per_s: RATE, deliveries: latencies.length, expected: MESSAGES * joined,
      p50_ms: +percentile(latencies, 0.5).toFixed(2), p99_ms: +percentile(latencies, 0.99).toFixed(2),
      max_ms: +latencies[latencies.length - 1].toFixed(2) },
    flat_out_room: toRoom,
    flat_out_user_ids: toUsers,
    room_vs_user_ids: +(toRoom.deliveries_per_s / toUsers.deliveries_per_s).toFixed(2),
  }, null, 2));
  sockets.forEach((s) => s.disconnect());
  await redis.quit();
}

main().catch((e) => { console.error(e); process.exit(1); });
