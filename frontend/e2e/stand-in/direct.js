// Direct connections for the stand-in: the admin's switch (/api/v1/configs/connections, and
// features.enable_direct_connections in /api/config), and a direct model's completion handed to the tab
// that sent it as api-service does (docs/direct-connections.md): `request:chat:completion` with an ack,
// then the lines the tab sends on the request's channel, turned into chat events.
import { randomUUID } from 'node:crypto';

export function directFeature({ state, need, io, HttpError }) {
  state.connectionsConfig = { ENABLE_DIRECT_CONNECTIONS: false, ENABLE_BASE_MODELS_CACHE: false };
  state.directRuns = [];

  const routes = [
    ['GET', /^\/api\/v1\/configs\/connections$/, (req) => (need(req, 'admin'), state.connectionsConfig)],
    ['POST', /^\/api\/v1\/configs\/connections$/, (req, _m, body) => {
      need(req, 'admin');
      for (const key of Object.keys(state.connectionsConfig)) if (typeof body[key] === 'boolean') state.connectionsConfig[key] = body[key];
      return state.connectionsConfig;
    }]
  ];

  const configFor = () => ({ enable_direct_connections: state.connectionsConfig.ENABLE_DIRECT_CONNECTIONS });

  /** Runs a direct model's completion in the tab `body.session_id`; `emit(envelope)` reaches the user's tabs. */
  function complete(user, body, emit) {
    if (!state.connectionsConfig.ENABLE_DIRECT_CONNECTIONS) throw new HttpError(403, 'Direct connections are disabled');
    const socket = io().sockets.sockets.get(body.session_id);
    if (!socket) throw new HttpError(400, 'No such session');
    const { chat_id, id: messageId } = body;
    const envelope = (type, data) => ({ chat_id, message_id: messageId, data: { type, data } });
    const channel = `${user.id}:${socket.id}:${randomUUID()}`;
    const run = { model: body.model, channel, ack: null, lines: [], content: '' };
    state.directRuns.push(run);
    socket.on(channel, (item) => {
      if (item?.done) {
        socket.removeAllListeners(channel);
        return emit(envelope('chat:completion', { done: true, content: run.content, title: 'New Chat' }));
      }
      run.lines.push(item);
      const data = typeof item === 'string' ? item.replace(/^data: ?/, '') : JSON.stringify(item);
      if (data === '[DONE]') return;
      run.content += JSON.parse(data).choices?.[0]?.delta?.content ?? '';
      emit(envelope('chat:completion', { content: run.content }));
    });
    const request = { form_data: { model: body.model, messages: body.messages, stream: true }, model: body.model_item, channel, session_id: socket.id };
    socket.timeout(10000).emitWithAck('chat-events', envelope('request:chat:completion', request))
      .then((ack) => (run.ack = ack), () => (run.ack = 'timeout'));
    return { status: true, task_id: randomUUID() };
  }

  return { routes, configFor, complete };
}
