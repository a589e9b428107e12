import { afterEach } from 'vitest';
import { Buffer } from 'node:buffer';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A real `node:http` server on 127.0.0.1 and a free port for tests (docs/architecture.md, "Tests": no fetch
 * mocks). It records every request, counts open sockets (to prove a close leaves none behind),
 * and offers the fault routes the engine is tested against. Shared by the engine and CLI tests.
 */

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Name/value pairs as on the wire. */
  rawHeaders: string[];
  body: Buffer;
}

export interface RouteContext {
  body: Buffer;
  query: URLSearchParams;
  /** 1-based number of requests this path has received, this one included. */
  hit: number;
  server: TestServer;
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  url(path: string): string;
  route(path: string, handler: RouteHandler): void;
  readonly requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  /** Server-side sockets still open. */
  openSockets(): number;
  close(): Promise<void>;
}

/**
 * For a test file: a `server(routes)` that starts a test server and closes every one it
 * started after each test.
 */
export function useTestServers(): (
  routes: Parameters<typeof startTestServer>[0],
) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (routes) => {
    const s = await startTestServer(routes);
    servers.push(s);
    return s;
  };
}

export async function startTestServer(
  routes: Record<string, RouteHandler> = {},
): Promise<TestServer> {
  const table = new Map<string, RouteHandler>(Object.entries(routes));
  const hits = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', 'http://test');
      const body = Buffer.concat(chunks);
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        path: parsed.pathname,
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body,
      });
      const hit = (hits.get(parsed.pathname) ?? 0) + 1;
      hits.set(parsed.pathname, hit);
      const handler = table.get(parsed.pathname);
      if (handler === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`no route ${parsed.pathname}`);
        return;
      }
      Promise.resolve(
        handler(req, res, { body, query: parsed.searchParams, hit, server: api }),
      ).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const api: TestServer = {
    origin,
    port,
    url: (path) => origin + path,
    route: (path, handler) => void table.set(path, handler),
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return api;
}

/** Polls until `predicate` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean,
  what = 'condition',
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits a few event-loop turns without a timer (for "nothing else happens" checks). */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

// ---- route building blocks ----

export const EVENT_STREAM_HEADERS: OutgoingHttpHeaders = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
};

/** Sends 200 text/event-stream headers at once (so the client sees `open` before any event). */
export function openStream(res: ServerResponse, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(200, { ...EVENT_STREAM_HEADERS, ...headers });
  res.flushHeaders();
}

/** Sends `text` as a complete stream, then ends the body cleanly. */
export function streamRoute(text: string, headers: OutgoingHttpHeaders = {}): RouteHandler {
  return (_req, res) => {
    openStream(res, headers);
    res.end(text);
  };
}

/** Sends `text` and then nothing: no bytes, no end. */
export function stallRoute(text = ''): RouteHandler {
  return (_req, res) => {
    openStream(res);
    if (text !== '') res.write(text);
  };
}

/** Never answers: for the connect/headers timeout. */
export function noAnswerRoute(): RouteHandler {
  return () => undefined;
}

/** Sends `text` and then destroys the socket without ending the chunked body. */
export function dropRoute(text: string): RouteHandler {
  return (_req, res) => {
    openStream(res);
    res.write(text, () => setImmediate(() => res.socket?.destroy()));
  };
}

/** Writes `text` one byte per write, yielding between writes, then ends. */
export function trickleRoute(text: string): RouteHandler {
  return async (_req, res) => {
    openStream(res);
    const bytes = Buffer.from(text, 'utf8');
    for (const byte of bytes) {
      if (res.destroyed) return;
      res.write(Buffer.from([byte]));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    res.end();
  };
}

export function statusRoute(
  status: number,
  body = '',
  headers: OutgoingHttpHeaders = { 'content-type': 'text/plain; charset=utf-8' },
): RouteHandler {
  return (_req, res) => {
    res.writeHead(status, headers).end(body);
  };
}

export function redirectRoute(status: number, location: string): RouteHandler {
  return (_req, res) => {
    res.writeHead(status, { location, 'content-type': 'text/plain' }).end(`see ${location}`);
  };
}

/** The stream gzip-compressed (Content-Encoding: gzip), written in small pieces. */
export function gzipRoute(text: string): RouteHandler {
  return async (_req, res) => {
    openStream(res, { 'content-encoding': 'gzip' });
    const compressed = gzipSync(Buffer.from(text, 'utf8'));
    for (let i = 0; i < compressed.length; i += 7) {
      res.write(compressed.subarray(i, i + 7));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    res.end();
  };
}
