import { openStream, startTestServer } from '../sse/test-server';

/** One scripted block: sent `delayMs` after the previous one. */
export interface ScriptedEvent {
  delayMs: number;
  text: string;
}

/**
 * A real SSE origin on loopback (the one test server, tests/support/sse/test-server.ts) that
 * sends a fixed script with real delays on every path, then ends.
 */
export async function startTimedServer(
  script: readonly ScriptedEvent[],
): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startTestServer((_req, res) => {
    openStream(res);
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
  return { url: server.url('/stream'), close: () => server.close() };
}
