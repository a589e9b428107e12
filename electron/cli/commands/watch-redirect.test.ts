import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../cli-test-process';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

async function redirectingServer(): Promise<string> {
  const server = createServer((req, res) => {
    if (req.url === '/start') {
      res.writeHead(303, { Location: '/stream' });
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.end('data: after the redirect\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('eventscope watch and redirects', () => {
  it('says on stderr when a redirect turned the POST into a GET, and records it with --include-status', async () => {
    const base = await redirectingServer();
    const result = await runCli([
      'watch',
      `${base}/start`,
      '-d',
      '{"prompt":"x"}',
      '--format',
      'jsonl',
      '--include-status',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/HTTP 303 redirect to .*\/stream turned POST into GET/);
    const records = jsonLines(result.stdout);
    expect(records.find((r) => r.kind === 'redirect')).toMatchObject({
      status: 303,
      method: 'GET',
      methodChanged: true,
    });
    expect(records.find((r) => r.kind === 'event')).toMatchObject({ data: 'after the redirect' });
  });
});
