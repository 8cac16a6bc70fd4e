// The app's Socket.IO connection as the collaboration transport.
import { emitSocket, onSocket, socketId } from '../socket';
import type { Transport } from './collab';

export const socketTransport: Transport = { emit: emitSocket, on: onSocket, id: socketId };
