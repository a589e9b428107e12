import type { Socket } from 'node:net';

/** What a test server needs to have its sockets tracked: node:http's and node:https's servers. */
interface TrackedServer {
  on(event: 'connection', listener: (socket: Socket) => void): unknown;
  close(callback: () => void): unknown;
  closeAllConnections(): void;
}

export interface SocketTracker {
  /** Tracks one more socket (a proxy's CONNECT tunnel, say) until it closes. */
  add(socket: Socket): void;
  /** Sockets still open. */
  count(): number;
  /** Closes the server and destroys every socket it still has, so none outlives a test. */
  close(): Promise<void>;
}

/**
 * Tracks a test server's sockets from 'connection', which sees the raw TCP socket before (and
 * even without) a TLS handshake, so a test can prove a transport closed its connections.
 */
export function trackSockets(server: TrackedServer): SocketTracker {
  const sockets = new Set<Socket>();
  const add = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', add);
  return {
    add,
    count: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
