// Yjs editors of collaborative notes for socket-clients.js, wired to a socket like the UI's note editor
// (frontend/src/lib/notes/collab.ts): the Markdown in the Y.Text 'content'; the server's state applied, and an
// empty state seeded with the note's stored Markdown when this is the document's only session (sent without
// content, so nothing is saved); every other local change sent as a byte array with the rendered content;
// remote updates applied. Every change of a document is reported with the text it now holds.
//   {"op":"ydoc-open","client","document_id","user_id","user_name","initial"}  -> ydoc-text {client, text, origin}
//   {"op":"ydoc-edit","edits":[{"client","index"?,"text"}]}  inserts (at the end without index) in one tick, so
//                                                            no editor has seen the others' edits: concurrent
const Y = require('yjs');

const REMOTE = 'remote';
const SEED = 'seed';

function ydocEditors(sockets, report) {
  const docs = new Map();

  function open({ client, document_id: documentId, user_id: userId, user_name: userName, initial }) {
    const socket = sockets.get(client);
    const doc = new Y.Doc();
    const text = doc.getText('content');
    docs.set(client, doc);
    const send = (update, withContent) => {
      const payload = { document_id: documentId, user_id: userId, socket_id: socket.id, update: Array.from(update) };
      if (withContent) payload.data = { content: { md: text.toString(), html: '', json: null } };
      socket.emit('ydoc:document:update', payload);
    };
    doc.on('update', (update, origin) => {
      report({ type: 'ydoc-text', client, text: text.toString(), origin: typeof origin === 'string' ? origin : 'local' });
      if (origin !== REMOTE) send(update, origin !== SEED);
    });
    const apply = (bytes) => Y.applyUpdate(doc, Uint8Array.from(bytes), REMOTE);
    socket.on('ydoc:document:state', (data) => {
      if (data.document_id !== documentId) return;
      if (data.state.length > 2) apply(data.state);
      else if ((data.sessions || []).length <= 1 && initial && text.length === 0) doc.transact(() => text.insert(0, initial), SEED);
    });
    socket.on('ydoc:document:update', (data) => {
      if (data.document_id === documentId && data.socket_id !== socket.id) apply(data.update);
    });
    socket.emit('ydoc:document:join', { document_id: documentId, user_id: userId, user_name: userName, user_color: '#2563eb' });
  }

  function edit({ edits }) {
    for (const { client, index, text } of edits) {
      const content = docs.get(client).getText('content');
      content.insert(index ?? content.length, text);
    }
  }

  return (cmd) => {
    if (cmd.op === 'ydoc-open') open(cmd);
    else if (cmd.op === 'ydoc-edit') edit(cmd);
  };
}

module.exports = { ydocEditors };
