import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted block: sent `delayMs` after the previous one. */
export interface ScriptedEvent {
  delayMs: number;
  text: string;
}

/** A real SSE origin on loopback that sends a fixed script with real delays, then ends. */
export async function startTimedServer(
  script: readonly ScriptedEvent[],
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    let i = 0;
    const next = (): void => {
      if (res.destroyed) return;
      if (i >= script.length) {
        res.end();
        return;
      }
      const step = script[i++]!;
      setTimeout(() => {
        res.write(step.text);
        next();
      }, step.delayMs);
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/stream`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
