// The Socket.IO connection of docs/realtime.md, The protocol and Authentication: same origin, path /ws/socket.io, handshake token,
// `user-join` on every connect. `chat-events` are fanned out to the subscribers; `execute:tool` is answered here,
// `request:chat:completion` (a direct connection's completion) with the user's own connections.
import { io, type Socket } from 'socket.io-client';
import { token } from './api/http';
import type { ChatEventEnvelope } from './types';
import { answerExecuteTool } from './userTools/servers';
import { abortDirect, answerDirect, type DirectRequest } from './direct/answer';
import { readConnections } from './direct/connections';
import { directEnabled, session } from './session.svelte';

let socket: Socket | null = null;
const listeners = new Set<(e: ChatEventEnvelope) => void>();

export function connectSocket(websocket: boolean): void {
  if (socket) return;
  socket = io({
    path: '/ws/socket.io',
    transports: websocket ? ['websocket'] : ['polling', 'websocket'],
    reconnection: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
    randomizationFactor: 0.5,
    auth: (cb) => cb({ token: token.get() ?? undefined })
  });
  socket.on('connect', () => joinUser());
  socket.on('chat-events', (event: ChatEventEnvelope, ack?: (answer: unknown) => void) => {
    // A call of one of the user's own tool servers: the server waits for the answer as the ack.
    if (event?.data?.type === 'execute:tool' && typeof ack === 'function') {
      void answerExecuteTool(event.data.data).then(ack);
      return;
    }
    if (event?.data?.type === 'request:chat:completion' && typeof ack === 'function') {
      // Only the tab the request came from answers; the user's connections live in their settings.
      if (event.data.data?.session_id !== socket?.id || !directEnabled()) {
        ack({ error: { message: 'This browser tab does not run that direct connection' } });
        return;
      }
      const connections = readConnections(JSON.parse(JSON.stringify(session.settings.directConnections ?? null)));
      void answerDirect(event.data.data as DirectRequest, connections, ack, (channel, data) => socket?.emit(channel, data), event.chat_id);
      return;
    }
    if (event?.data?.type === 'chat:tasks:cancel') abortDirect(event.chat_id);
    listeners.forEach((l) => l(event));
  });
}

/** Binds the socket to the signed-in user (after connect and after sign-in). */
export function joinUser(): void {
  const t = token.get();
  if (socket?.connected && t) socket.emit('user-join', { auth: { token: t } });
}

export function socketId(): string | undefined {
  return socket?.id;
}

export function emitUsage(model: string, chatId: string): void {
  socket?.emit('usage', { action: 'chat', model, chat_id: chatId });
}

export function onChatEvent(listener: (e: ChatEventEnvelope) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Waits (bounded) until the socket has an id, which every completion request needs. */
export async function waitForSocketId(timeoutMs = 5000): Promise<string> {
  const start = Date.now();
  while (!socket?.id) {
    if (Date.now() - start > timeoutMs) throw new Error('No connection to the chat server (Socket.IO)');
    await new Promise((r) => setTimeout(r, 50));
  }
  return socket.id;
}

/** Subscribes to any server event (notes, channels); returns the unsubscribe function. */
export function onSocket<T = any>(event: string, handler: (payload: T) => void): () => void {
  socket?.on(event, handler);
  return () => socket?.off(event, handler);
}

export function emitSocket(event: string, payload: unknown): void {
  socket?.emit(event, payload);
}

/** The current token in the `auth` shape the join events carry (docs/realtime.md, Client events). */
export function authPayload(): { token: string } {
  return { token: token.get() ?? '' };
}
