// Stand-in for src/lib/socket in controller tests: `vi.mock('../src/lib/socket', () => import('./fakeSocket'))`;
// tests push chat events through `socket.listener`.
import type { ChatEventEnvelope } from '../src/lib/types';

export const socket = { listener: null as null | ((e: ChatEventEnvelope) => void) };

export const onChatEvent = (l: (e: ChatEventEnvelope) => void) => {
  socket.listener = l;
  return () => {};
};
export const waitForSocketId = async () => 'sid-1';
export const emitUsage = () => {};
export const joinUser = () => {};
export const connectSocket = () => {};
