import { describeIssues } from '../../shared/validation';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type { NotificationChannel } from '../../shared/api/channels';
import type { NotificationPayload } from '../../shared/api/notifications';
import type { ServerMessage } from '../../shared/api/wire';
import {
  WEB_API_PATH,
  WEB_MAX_CLIENT_MESSAGE_BYTES,
  WEB_SOCKET_MAX_PAYLOAD_BYTES,
} from '../../shared/api/wire';
import { ClientMessageSchema, messageIdOf, peekMessageId } from './client-message';
import { fail } from '../../shared/result';
import type { CommandHandlers } from '../core/api/handlers';
import type { FeedSink } from '../core/feeds/feed-manager';
import { dispatchCommand } from '../core/api/invoke';
import { allowedHostsFor, appBasePath, authorize, createToken } from './auth';
import type { AuthConfig, AuthOutcome } from './auth';
import { serveStatic } from './static-files';
import type { DownloadRegistry } from '../core/export/downloads';
import { serveDownload } from './downloads';
import { createFrameBatcher } from './frame-batcher';

/** Same policy as the `<meta>` in renderer/index.html, also sent as a header for web mode. */
export const WEB_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': WEB_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The URL carries the token: never leak it to another site through Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Above this many bytes waiting in a socket's send buffer the page is not keeping up: frames
 * wait in the feed's bounded queue instead (where the oldest may drop, counted).
 */
export const WEB_SOCKET_BACKLOG_BYTES = 4 * 1024 * 1024;

/** Where finished exports are downloaded from, under the token (the page's `downloads/<id>`). */
const DOWNLOADS_PREFIX = '/downloads/';

/** One connected page: the owner of the feeds it opens (a `FeedSink`). */
export type WebClient = FeedSink;

export interface WebServerOptions {
  host: string;
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  handlers: CommandHandlers;
  /** The page went away (tab closed, reload, network drop): free what it owned. */
  onClientClosed?(client: WebClient): void;
  /** A page connected (tests use it to reach the client). */
  onClientOpened?(client: WebClient): void;
  /** Finished exports, served once each at `downloads/<id>` under the token. */
  downloads?: DownloadRegistry;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
}

export interface WebServer {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  /** The URL to open: the token is its first path segment. */
  readonly url: string;
  clientCount(): number;
  close(): Promise<void>;
}

function refuseHttp(res: ServerResponse, reason: string): void {
  res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(
    `Forbidden: ${reason}.\nOpen the exact URL printed by \`eventscope serve\` (it carries the access token).\n`,
  );
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function messageBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Web mode: serves the built renderer and the Eventscope API over one WebSocket, for machines
 * without an Electron binary and for headless servers. Every HTTP request and every
 * upgrade must carry the token (as the first path segment) and our own Host/Origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? createToken();
  const wss = new WebSocketServer({ noServer: true, maxPayload: WEB_SOCKET_MAX_PAYLOAD_BYTES });
  const sockets = new Set<WebSocket>();
  let nextClientId = 1;
  let auth: AuthConfig | null = null;

  const check = (req: IncomingMessage): AuthOutcome =>
    auth ? authorize(req, auth) : { ok: false, reason: 'starting up' };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const outcome = check(req);
    if (!outcome.ok) {
      if ('redirect' in outcome) {
        res.writeHead(302, { ...SECURITY_HEADERS, Location: outcome.redirect });
        res.end();
        return;
      }
      return refuseHttp(res, outcome.reason);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (options.downloads && outcome.path.startsWith(DOWNLOADS_PREFIX)) {
      const id = outcome.path.slice(DOWNLOADS_PREFIX.length);
      return serveDownload(options.downloads.take(id), req, res, { ...SECURITY_HEADERS });
    }
    void serveStatic(options.rendererDir, outcome.path, res, { ...SECURITY_HEADERS });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const outcome = check(req);
    if (!outcome.ok) return refuseUpgrade(socket, '403 Forbidden');
    if (outcome.path !== WEB_API_PATH) return refuseUpgrade(socket, '404 Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function accept(ws: WebSocket): void {
    sockets.add(ws);
    const frames = createFrameBatcher((message) => {
      if (ws.readyState === ws.OPEN) ws.send(message);
    });
    // Every other message first sends the frames queued before it: the page sees a feed's
    // entries and its state changes in the order they happened.
    const sendInOrder = (message: ServerMessage): void => {
      frames.flush();
      send(ws, message);
    };
    const client: WebClient = {
      id: `web-${nextClientId++}`,
      notify: <K extends NotificationChannel>(channel: K, payload: NotificationPayload<K>) =>
        sendInOrder({ type: 'notification', channel, payload }),
      sendFrame: (_frame, encoded) => {
        // Sent as the feed manager encoded it, as over IPC: a frame is the one message that is a
        // JSON array (shared/api/wire.ts), so it needs no envelope and no second serialization.
        // Frames of several feeds ready together share one message (frame-batcher.ts).
        if (ws.readyState === ws.OPEN) frames.push(encoded);
      },
      canSend: () => ws.bufferedAmount + frames.pendingChars < WEB_SOCKET_BACKLOG_BYTES,
    };
    options.onClientOpened?.(client);
    // A bad message is answered, never met with a closed socket: closing would end every feed
    // the page has open (README, "Security").
    const refuse = (
      id: number | null,
      message: string,
      detail?: Parameters<typeof fail>[2],
    ): void => sendInOrder({ type: 'result', id, result: fail('invalid-input', message, detail) });
    ws.on('message', (data, isBinary) => {
      const bytes = messageBytes(data);
      if (isBinary) return refuse(null, 'Malformed message: binary frames are not accepted.');
      const text = bytes.toString('utf8');
      if (bytes.length > WEB_MAX_CLIENT_MESSAGE_BYTES) {
        return refuse(
          peekMessageId(text),
          `Message too large: ${bytes.length} bytes; the limit is ${WEB_MAX_CLIENT_MESSAGE_BYTES} bytes.`,
          {
            reason: 'message-too-large',
            params: { bytes: bytes.length, limit: WEB_MAX_CLIENT_MESSAGE_BYTES },
          },
        );
      }
      let parsedJson: unknown;
      try {
        parsedJson = JSON.parse(text);
      } catch {
        return refuse(null, 'Malformed message: not JSON.');
      }
      const parsed = ClientMessageSchema.safeParse(parsedJson);
      if (!parsed.success) {
        return refuse(
          messageIdOf(parsedJson),
          `Malformed message: ${describeIssues(parsed.error)}`,
        );
      }
      const { id, channel, request } = parsed.data;
      void dispatchCommand(options.handlers, channel, request, client).then((result) =>
        sendInOrder({ type: 'result', id, result }),
      );
    });
    ws.on('close', () => {
      frames.dispose();
      sockets.delete(ws);
      options.onClientClosed?.(client);
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  auth = { token, allowedHosts: allowedHostsFor(options.host, port) };

  return {
    host: options.host,
    port,
    token,
    url: `http://${urlHost(options.host)}:${port}${appBasePath(token)}`,
    clientCount: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
