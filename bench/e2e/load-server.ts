import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadServerMessage } from './messages';

/**
 * The SSE load server of bench:e2e, run as its own process (`fork`) so its work is not on the
 * measured process's thread. GET /stream?id=&rate=&size=&seconds= streams `rate` events/s for
 * `seconds`, paced in SLICE_MS slices: each slice writes the events due since the start in one
 * chunk, so the rate holds without one timer per event. Every event's data starts with the
 * server's Date.now() at the write, padded to exactly `size` bytes, so the page can compute the
 * server write → store latency. Backpressure is honoured: while the socket is full nothing is
 * written, and what fell behind is written (capped per slice) once it drains.
 */
const SLICE_MS = 5;
/** At most this much schedule is written in one slice when catching up after a stall. */
const MAX_CATCH_UP_MS = 100;
const PADDING = 'x'.repeat(64 * 1024);

function report(message: LoadServerMessage): void {
  process.send?.(message);
}

/** `data: <ms> <seq> xxx…\n\n` with the data exactly `size` bytes (ASCII). */
function eventText(timestamp: number, seq: number, size: number): string {
  const prefix = `${timestamp} ${seq} `;
  return `data: ${prefix}${PADDING.slice(0, Math.max(0, size - prefix.length))}\n\n`;
}

interface StreamParams {
  id: string;
  rate: number;
  size: number;
  seconds: number;
}

function parseParams(req: IncomingMessage): StreamParams | null {
  const url = new URL(req.url ?? '/', 'http://load');
  if (url.pathname !== '/stream') return null;
  const id = url.searchParams.get('id');
  const rate = Number(url.searchParams.get('rate'));
  const size = Number(url.searchParams.get('size'));
  const seconds = Number(url.searchParams.get('seconds'));
  if (!id || !(rate > 0) || !(size > 0) || size > PADDING.length || !(seconds > 0)) return null;
  return { id, rate, size, seconds };
}

/** Each stream id is served once: a reconnect would double-count, so it is refused (204 stops). */
const seen = new Set<string>();

function stream(params: StreamParams, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  res.flushHeaders();
  const total = Math.round(params.rate * params.seconds);
  const maxPerSlice = Math.max(1, Math.round((params.rate * MAX_CATCH_UP_MS) / 1000));
  const started = performance.now();
  let sent = 0;
  let waitingForDrain = false;
  let finished = false;

  const finish = (aborted: boolean) => {
    if (finished) return;
    finished = true;
    clearInterval(timer);
    const scheduled = aborted
      ? Math.min(total, Math.floor((params.rate * (performance.now() - started)) / 1000))
      : total;
    report({
      type: 'stream-finished',
      streamId: params.id,
      sent,
      scheduled,
      durationMs: performance.now() - started,
      aborted,
    });
    // The response stays open (idle) until the client closes it: ending it would make the
    // client reconnect, which is not what we measure.
  };

  const tick = () => {
    const elapsed = performance.now() - started;
    const timeUp = elapsed >= params.seconds * 1000;
    if (waitingForDrain) {
      if (timeUp) finish(false);
      return;
    }
    const due = Math.min(total, Math.floor((params.rate * elapsed) / 1000)) - sent;
    const count = Math.min(due, maxPerSlice);
    if (count > 0) {
      const now = Date.now();
      let chunk = '';
      for (let i = 1; i <= count; i += 1) chunk += eventText(now, sent + i, params.size);
      sent += count;
      if (!res.write(chunk)) {
        waitingForDrain = true;
        res.once('drain', () => (waitingForDrain = false));
      }
    }
    if (timeUp) finish(false);
  };
  const timer = setInterval(tick, SLICE_MS);
  res.on('close', () => finish(true));
}

const server = createServer((req, res) => {
  const params = parseParams(req);
  if (!params) {
    res.writeHead(404).end();
    return;
  }
  if (seen.has(params.id)) {
    report({ type: 'stream-refused', streamId: params.id, reason: 'requested twice (reconnect)' });
    res.writeHead(204).end();
    return;
  }
  seen.add(params.id);
  stream(params, res);
});

server.listen(0, '127.0.0.1', () => {
  report({ type: 'ready', port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => process.exit(0));
