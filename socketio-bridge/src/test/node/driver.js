// Test driver: real socket.io-client@4 sockets steered by JSON lines on stdin, reporting JSON lines on stdout.
// Commands: connect {client, url, path, transports, auth?, headers?, answers?}, emit {client, event, data,
// ack?, seq?, binary?}, disconnect {client}, and for collaborative notes ydoc-open {client, document_id, user_id},
// ydoc-insert {client, text}, ydoc-text {client, seq}. Reports: connected, connect_error, event, ack, disconnected,
// ydoc-text.
const { io } = require('socket.io-client');
const Y = require('yjs');
const readline = require('readline');

const sockets = new Map();
const docs = new Map();
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

// A Y.Doc wired to the socket the way the UI's collaborative editor is: server state and remote updates
// are applied, local changes are sent as int arrays with the rendered content.
function ydocOpen(cmd) {
  const socket = sockets.get(cmd.client);
  const doc = new Y.Doc();
  const id = cmd.document_id;
  docs.set(cmd.client, doc);
  const fromServer = (bytes) => Y.applyUpdate(doc, Uint8Array.from(bytes), 'server');
  socket.on('ydoc:document:state', (data) => {
    const empty = data.state.length === 2 && data.state[0] === 0 && data.state[1] === 0;
    if (data.document_id === id && !empty) fromServer(data.state);
  });
  socket.on('ydoc:document:update', (data) => {
    if (data.document_id === id) fromServer(data.update);
  });
  doc.on('update', (update, origin) => {
    if (origin === 'server') return;
    socket.emit('ydoc:document:update', { document_id: id, user_id: cmd.user_id, socket_id: socket.id,
      update: Array.from(update), data: { content: { md: doc.getText('content').toString() } } });
  });
  socket.emit('ydoc:document:join', { document_id: id, user_id: cmd.user_id, user_name: cmd.client, user_color: '#336699' });
}

function ydocInsert(cmd) {
  const text = docs.get(cmd.client).getText('content');
  text.insert(text.length, cmd.text);
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const cmd = JSON.parse(line);
  if (cmd.op === 'connect') connect(cmd);
  else if (cmd.op === 'emit') emit(cmd);
  else if (cmd.op === 'disconnect') sockets.get(cmd.client)?.disconnect();
  else if (cmd.op === 'ydoc-open') ydocOpen(cmd);
  else if (cmd.op === 'ydoc-insert') ydocInsert(cmd);
  else if (cmd.op === 'ydoc-text') report({ type: 'ydoc-text', client: cmd.client, seq: cmd.seq,
    text: docs.get(cmd.client).getText('content').toString() });
}).on('close', () => {
  sockets.forEach((s) => s.disconnect());
  process.exit(0);
});
report({ type: 'ready' });
