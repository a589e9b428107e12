import type { Buffer } from 'node:buffer';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WORKLOADS, buildBigEvent, buildManyEvents } from './workloads';

/**
 * The benchmark's SSE server, run as its own process so its work does not run on the client's
 * thread (a real server is elsewhere too). Bodies are prebuilt; each response streams its body
 * in 64 KiB writes with backpressure, chunked like a live SSE response. Prints its port.
 */
const WRITE_BYTES = 64 * 1024;

const bodies = new Map<string, Buffer>();
for (const w of WORKLOADS) bodies.set(`/${w.id}`, w.build());
const lazy: Record<string, () => Buffer> = { '/big': buildBigEvent, '/many': buildManyEvents };

/** `repeat` sends the body that many times in one response (the whole-process workloads). */
function send(res: ServerResponse, body: Buffer, repeat = 1): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  let offset = 0;
  let left = repeat;
  const pump = (): void => {
    while (offset < body.length || --left > 0) {
      if (offset >= body.length) offset = 0;
      const end = Math.min(offset + WRITE_BYTES, body.length);
      const more = res.write(body.subarray(offset, end));
      offset = end;
      if (!more) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://bench');
  const path = url.pathname;
  let body = bodies.get(path);
  if (!body && lazy[path]) {
    body = lazy[path]();
    bodies.set(path, body);
  }
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  send(res, body, Math.max(1, Number(url.searchParams.get('repeat') ?? 1) || 1));
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
// The parent closes our stdin when it is done (or dies): never outlive it.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
