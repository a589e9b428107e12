import { WebSocket } from 'ws';
import type { WebServer } from '../../electron/web/server';
import { createSocketApi, socketUrlFor } from '../../renderer/src/socket-api';
import type { SocketApiHandle } from '../../renderer/src/socket-api';

/**
 * The renderer's WebSocket API client, connected to a web-mode server as a page loaded from its
 * tokened URL would be (`ws` stands in for the browser's WebSocket class).
 */
export function connectPageApi(server: WebServer): SocketApiHandle {
  const url = socketUrlFor({
    protocol: 'http:',
    host: `127.0.0.1:${server.port}`,
    pathname: `/${server.token}/`,
  });
  return createSocketApi({
    url,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
}
