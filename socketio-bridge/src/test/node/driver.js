// Test driver: real socket.io-client@4 sockets steered by JSON lines on stdin, reporting JSON lines on stdout.
// Commands: connect {client, url, path, transports, auth?, headers?, answers?}, emit {client, event, data,
// ack?, seq?, binary?}, disconnect {client}. Reports: connected, connect_error, event, ack, disconnected.
const { io } = require('socket.io-client');
const readline = require('readline');

const sockets = new Map();
const report = (message) => process.stdout.write(JSON.stringify(message) + '\n');

function connect(cmd) {
  const socket = io(cmd.url, {
    path: cmd.path || '/ws/socket.io',
    transports: cmd.transports || ['websocket'],
    upgrade: cmd.upgrade ?? false,
    auth: cmd.auth || undefined,
    extraHeaders: cmd.headers || {},
    reconnection: false,
    forceNew: true,
  });
  const answers = cmd.answers || {};
  sockets.set(cmd.client, socket);
  socket.on('connect', () => report({ type: 'connected', client: cmd.client, sid: socket.id,
    transport: socket.io.engine.transport.name }));
  socket.on('connect_error', (e) => report({ type: 'connect_error', client: cmd.client, message: String(e.message) }));
  socket.on('disconnect', (reason) => report({ type: 'disconnected', client: cmd.client, reason }));
  socket.onAny((event, ...args) => {
    const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    report({ type: 'event', client: cmd.client, event, data: args[0] === undefined ? null : args[0], ack: ack !== null });
    if (ack && answers[event] && 'value' in answers[event]) {
      ack(answers[event].value);
    }
  });
}

function emit(cmd) {
  const socket = sockets.get(cmd.client);
  let data = cmd.data;
  if (cmd.binary) {
    data = { ...data, [cmd.binary]: Uint8Array.from(data[cmd.binary]) };
  }
  if (cmd.ack) {
    socket.emit(cmd.event, data, (...args) => report({ type: 'ack', client: cmd.client, seq: cmd.seq, data: args }));
  } else {
    socket.emit(cmd.event, data);
  }
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const cmd = JSON.parse(line);
  if (cmd.op === 'connect') connect(cmd);
  else if (cmd.op === 'emit') emit(cmd);
  else if (cmd.op === 'disconnect') sockets.get(cmd.client)?.disconnect();
}).on('close', () => {
  sockets.forEach((s) => s.disconnect());
  process.exit(0);
});
report({ type: 'ready' });
