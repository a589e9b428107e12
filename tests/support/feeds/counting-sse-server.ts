import { afterAll, beforeAll } from 'vitest';
import { startTestServer } from '../sse/test-server';

/**
 * An SSE server for the feed journeys that counts what it sends, so a journey can check what the
 * page shows against the server. `GET /events?count=N&every=MS` sends N events, one every MS
 * (types `tick` and every fifth `alert`, JSON data with `n` and `level`, ids 1…N), then keeps
 * the stream open with a heartbeat comment. Built on the one test server
 * (tests/support/sse/test-server.ts), whose close() also ends the open streams.
 */
export interface CountingSseServer {
  readonly origin: string;
  url(path: string): string;
  /** Events sent on `path` over all connections. */
  sent(path: string): number;
  /** Connections made to `path`. */
  connections(path: string): number;
  close(): Promise<void>;
}

const HEARTBEAT_MS = 1_000;

export function eventData(n: number): { type: string; data: string } {
  const alert = n % 5 === 0;
  const data = alert
    ? { n, level: 'error', error: { code: 500 + (n % 3) }, text: `alert number ${n}` }
    : { n, level: 'info', text: `tick number ${n}` };
  return { type: alert ? 'alert' : 'tick', data: JSON.stringify(data) };
}

export async function startCountingSseServer(): Promise<CountingSseServer> {
  const sent = new Map<string, number>();
  const connections = new Map<string, number>();

  const server = await startTestServer((req, res, { query }) => {
    const path = new URL(req.url ?? '/', 'http://journey').pathname;
    if (!path.startsWith('/events')) {
      res.writeHead(404).end();
      return;
    }
    connections.set(path, (connections.get(path) ?? 0) + 1);
    const count = Number(query.get('count') ?? 100);
    const every = Number(query.get('every') ?? 20);
    const lastId = Number(req.headers['last-event-id'] ?? 0) || 0;
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write(': hello\n\n');
    let n = lastId;
    const timers: Array<ReturnType<typeof setInterval>> = [];
    timers.push(
      setInterval(() => {
        if (n >= count) return;
        n += 1;
        const { type, data } = eventData(n);
        res.write(`id: ${n}\nevent: ${type}\ndata: ${data}\n\n`);
        sent.set(path, (sent.get(path) ?? 0) + 1);
      }, every),
      setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS),
    );
    res.on('close', () => timers.forEach((timer) => clearInterval(timer)));
  });
  return {
    origin: server.origin,
    url: server.url,
    sent: (path) => sent.get(path) ?? 0,
    connections: (path) => connections.get(path) ?? 0,
    close: () => server.close(),
  };
}

/**
 * One counting server for a describe block: started before its tests, closed after them. What
 * it returns reads through to the running server (so a test may use it as the server itself).
 */
export function useCountingSseServer(): CountingSseServer {
  let running: CountingSseServer | null = null;
  const server = (): CountingSseServer => {
    if (running === null) throw new Error('the counting SSE server runs only inside its tests');
    return running;
  };
  beforeAll(async () => {
    running = await startCountingSseServer();
  });
  afterAll(async () => {
    await running?.close();
    running = null;
  });
  return {
    get origin() {
      return server().origin;
    },
    url: (path) => server().url(path),
    sent: (path) => server().sent(path),
    connections: (path) => server().connections(path),
    close: () => server().close(),
  };
}
