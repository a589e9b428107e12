import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * One open event-stream response and everything it owns (timers, pending drain waits). The
 * server keeps every open stream in a registry so `close()` can end them all: a demo server that
 * left an interval behind would keep the app or a test process alive (docs/architecture.md, "Resources, tests and comments").
 */
export interface SseStream {
  readonly req: IncomingMessage;
  /** True once the response is finished or the client went away; writers must stop. */
  readonly closed: boolean;
  /** Writes raw event-stream text; false means the socket buffer is full (wait for drain). */
  write(text: string): boolean;
  /** Resolves when the socket buffer has drained, or at once when the stream has closed. */
  drained(): Promise<void>;
  every(intervalMs: number, tick: () => void): void;
  after(delayMs: number, run: () => void): void;
  /** Ends the response cleanly (the client sees the end of the body). */
  end(): void;
  /** Writes `text` (e.g. half an event), then cuts the connection like a network failure. */
  drop(text?: string): void;
}

export type StreamRegistry = Set<SseStream>;

export function openSseStream(
  req: IncomingMessage,
  res: ServerResponse,
  registry: StreamRegistry,
): SseStream {
  const timers = new Set<NodeJS.Timeout>();
  const drainWaiters = new Set<() => void>();
  let closed = false;

  const dispose = (): void => {
    if (closed) return;
    closed = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const wake of drainWaiters) wake();
    drainWaiters.clear();
    registry.delete(stream);
  };

  const stream: SseStream = {
    req,
    get closed() {
      return closed;
    },
    write(text) {
      if (closed) return false;
      return res.write(text);
    },
    drained() {
      if (closed || !res.writableNeedDrain) return Promise.resolve();
      return new Promise((resolve) => {
        const wake = (): void => {
          drainWaiters.delete(wake);
          res.off('drain', wake);
          resolve();
        };
        drainWaiters.add(wake);
        res.once('drain', wake);
      });
    },
    every(intervalMs, tick) {
      if (closed) return;
      timers.add(setInterval(tick, intervalMs));
    },
    after(delayMs, run) {
      if (closed) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, delayMs);
      timers.add(timer);
    },
    end() {
      dispose();
      if (!res.writableEnded) res.end();
    },
    drop(text = '') {
      dispose();
      // Destroy only once the text is flushed, or the half event would never reach the client.
      res.write(text, () => res.destroy());
    },
  };

  registry.add(stream);
  res.on('close', dispose);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    // Reverse proxies (nginx) buffer responses unless told not to, which stalls a live stream.
    'X-Accel-Buffering': 'no',
  });
  // Send the headers now: clients treat "headers received" as "connection open".
  res.flushHeaders();
  return stream;
}

/**
 * The id to resume after: the `Last-Event-ID` header a reconnecting client sends, or the
 * `lastEventId` query parameter some EventSource polyfills use instead. Non-numeric ids restart.
 */
export function resumeAfter(req: IncomingMessage, query: URLSearchParams): number {
  const raw = req.headers['last-event-id'] ?? query.get('lastEventId') ?? '';
  const value = Array.isArray(raw) ? raw[0] : raw;
  return /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : 0;
}
