import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamRegistry } from './sse-stream';

/** Tunables of the demo routes. Tests shrink the intervals; the defaults suit a human watching. */
export interface DemoTimings {
  /** Interval of `/stream`, `/counter` and `/flaky`. */
  tickMs: number;
  /** Delay between two tokens of `/chat`. */
  chatTokenMs: number;
  /** `/flaky` cuts the connection after this many events. */
  flakyDropEvery: number;
  /** The `retry:` `/counter` and `/flaky` announce, so clients come back quickly. */
  reconnectMs: number;
}

export const DEMO_TICK_MS = 1000;
export const DEMO_CHAT_TOKEN_MS = 60;
export const DEMO_FLAKY_DROP_EVERY = 5;
export const DEMO_RECONNECT_MS = 1000;

export interface DemoContext {
  timings: DemoTimings;
  streams: StreamRegistry;
}

export type DemoRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: DemoContext,
) => void | Promise<void>;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** A 4xx with a JSON body that says what to change: the CLI shows the start of that body. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error, message }, headers);
}
