// Real socket.io-client@4 sockets for the Java end-to-end tests (SocketClients.java), steered by one JSON
// command per stdin line and reporting one JSON object per stdout line.
//   {"op":"connect","client":"a","url":"http://127.0.0.1:3000","token":"..."}  -> connected {sid} | connect_error
//   {"op":"emit","client":"a","event":"usage","data":{...}}
//   {"op":"emit","client":"a","event":"user-join","data":{...},"ack":"join-1"}      -> ack {id, data}
//   {"op":"disconnect","client":"a"}                                          -> disconnected
//   ydoc-* commands: Yjs editors of collaborative notes on these sockets (ydoc-editors.js)
// Every event a socket receives is reported as {"type":"event","client","event","data"}.
const { io } = require('socket.io-client');
const readline = require('readline');
const { ydocEditors } = require('./ydoc-editors');

const sockets = new Map();
const report = (message) => process.stdout.write(JSON.stringify(message) + '\n');
const editors = ydocEditors(sockets, report);

function connect({ client, url, token, transports }) {
  // the stock UI's options: same origin, path /ws/socket.io, token in the handshake, websocket only
  const socket = io(url, {
    path: '/ws/socket.io',
    transports: transports || ['websocket'],
    auth: token ? { token } : undefined,
    reconnection: false,
    forceNew: true,
  });
  sockets.set(client, socket);
  socket.on('connect', () => report({ type: 'connected', client, sid: socket.id }));
  socket.on('connect_error', (e) => report({ type: 'connect_error', client, message: String(e.message) }));
  socket.on('disconnect', (reason) => report({ type: 'disconnected', client, reason }));
  socket.onAny((event, ...args) => report({ type: 'event', client, event, data: args[0] ?? null }));
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const cmd = JSON.parse(line);
  if (cmd.op === 'connect') connect(cmd);
  else if (cmd.op === 'emit' && cmd.ack) {
    sockets.get(cmd.client)?.emit(cmd.event, cmd.data, (answer) => report({ type: 'ack', client: cmd.client, id: cmd.ack, data: answer ?? null }));
  } else if (cmd.op === 'emit') sockets.get(cmd.client)?.emit(cmd.event, cmd.data);
  else if (cmd.op === 'disconnect') sockets.get(cmd.client)?.disconnect();
  else editors(cmd);
}).on('close', () => {
  sockets.forEach((socket) => socket.disconnect());
  process.exit(0);
});
report({ type: 'ready' });
