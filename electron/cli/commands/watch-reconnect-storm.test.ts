import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/support/cli/cli-test-process';
import { startTestServer } from '../../../tests/support/sse/test-server';

/**
 * `eventscope watch` against servers that would make a naive client hammer them: the reconnect
 * floor and the stable period of the retry policy (README, "Security").
 */

describe('eventscope watch reconnects without a storm', () => {
  it('sends at most 10 requests in 10 s to a server that sends retry: 0, one event and closes', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('retry: 0\ndata: hello\n\n');
    });
    try {
      const result = await runCli([
        'watch',
        server.origin,
        '--format',
        'jsonl',
        '--timeout',
        '10000',
      ]);
      // Before the floor and the stable period: thousands (the counter reset on every event).
      expect(server.requests.length).toBeGreaterThanOrEqual(3);
      expect(server.requests.length).toBeLessThanOrEqual(10);
      expect(result.stdout.trim().split('\n')).toHaveLength(server.requests.length);
    } finally {
      await server.close();
    }
  }, 30_000);

  it('reconnects promptly, every time, to a server that ends cleanly after staying up past the stable period', async () => {
    // The real shape is a server ending every 40 s against the default 30 s stable period;
    // scaled down here: open 600 ms, stable after 300 ms.
    const opened: number[] = [];
    const server = await startTestServer((_req, res) => {
      opened.push(Date.now());
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('retry: 0\ndata: tick\n\n');
      setTimeout(() => res.end(), 600);
    });
    try {
      await runCli([
        'watch',
        server.origin,
        '--format',
        'jsonl',
        '--retry-stable-after',
        '300',
        '--max-events',
        '6',
        '--timeout',
        '20000',
      ]);
      expect(opened).toHaveLength(6);
      const gaps = opened.slice(1).map((at, i) => at - (opened[i] as number) - 600);
      // Each wait is the floor (250 ms) plus jitter (≤ 30 %), never a growing backoff (which
      // would be 250, 500, 1000, 2000, 4000 ms). Generous headroom for a loaded machine.
      for (const gap of gaps) expect(gap).toBeLessThan(1_500);
      expect(Math.max(...gaps)).toBeLessThan(Math.min(...gaps) + 1_200);
    } finally {
      await server.close();
    }
  }, 40_000);
});
