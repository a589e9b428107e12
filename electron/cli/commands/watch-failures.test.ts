import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../core/demo';
import { jsonLines, runCli, startCli } from '../../../tests/support/cli/cli-test-process';
import { startTestServer } from '../../../tests/support/sse/test-server';

let demo: DemoServer;
beforeAll(async () => {
  demo = await createDemoServer({ tickMs: 20, chatTokenMs: 2, reconnectMs: 20 });
});
afterAll(async () => {
  await demo.close();
});

const USAGE = 'Usage: eventscope watch [options] [url]';

describe('eventscope watch failures', () => {
  it('exits 1 on a 401, naming the status and showing the start of the body', async () => {
    const server = await startTestServer((req, res) => {
      // A careless server that echoes the credentials back: they must still not be printed.
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' });
      res.end(JSON.stringify({ error: 'token expired', got: req.headers.authorization }));
    });
    try {
      const result = await runCli([
        'watch',
        `${server.origin}/events`,
        '-H',
        'Authorization: Bearer sk-live-123456',
        '--summary',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('connection failed: HTTP 401 Unauthorized');
      expect(result.stderr).toContain('"error":"token expired"');
      expect(result.stderr).not.toContain('sk-live-123456');
      expect(result.stderr).toContain('[redacted]');
      expect(result.stdout).toBe('');
      expect(server.requests).toHaveLength(1);
      expect(result.stderr.trim().split('\n').at(-1)).toContain('"stoppedBy":"failed"');
    } finally {
      await server.close();
    }
  });

  it('exits 1 when a stream is not text/event-stream, without reading it as events', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('data: not an event\n\n<html>');
    });
    try {
      const result = await runCli(['watch', server.origin]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('not text/event-stream');
      expect(result.stdout).toBe('');
    } finally {
      await server.close();
    }
  });

  it('gives up after --retry-max reconnects and exits 1', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('down for maintenance');
    });
    try {
      const result = await runCli([
        'watch',
        server.origin,
        '--retry-max',
        '2',
        '--retry-initial',
        '10',
        '--retry-max-delay',
        '20',
      ]);
      expect(result.code).toBe(1);
      expect(server.requests).toHaveLength(3);
      expect(result.stderr).toContain('HTTP 503');
      expect(result.stderr).toContain('gave up after 2 retries');
      expect(result.stderr).toContain('down for maintenance');
      expect(result.stderr.match(/retrying in/g)).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('exits 1 after an idle timeout when retrying is off', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.flushHeaders();
    });
    try {
      const result = await runCli(['watch', server.origin, '--idle-timeout', '200', '--no-retry']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('idle timeout');
    } finally {
      await server.close();
    }
  });

  it('exits 1 when nothing listens at the URL', async () => {
    const server = await startTestServer(() => undefined);
    const url = server.origin;
    await server.close();
    const result = await runCli(['watch', url, '--no-retry', '--include-status']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('could not connect');
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({
      kind: 'status',
      state: 'failed',
      code: 'network',
    });
  });

  it('stops on Ctrl-C mid-stream, prints the summary and exits 0', async () => {
    const cli = startCli(['watch', `${demo.url}/counter`, '--summary']);
    await cli.waitForStdout((out) => jsonLines(out).length >= 2);
    cli.child.kill('SIGINT');
    const result = await cli.exited;
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '') as {
      events: number;
      stoppedBy: string;
    };
    expect(summary.stoppedBy).toBe('signal');
    expect(summary.events).toBe(jsonLines(result.stdout).length);
    expect(summary.events).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [['watch'], 'give the URL to watch, or --workspace and --endpoint'],
    [['watch', 'not a url'], 'is not a valid URL'],
    [['watch', 'ftp://example.test/x'], 'only http: and https: URLs'],
    [['watch', 'http://x.test', '--max-events', '0'], "'--max-events <n>' argument '0' is invalid"],
    [['watch', 'http://x.test', '--timeout', '5s'], "'--timeout <ms>' argument '5s' is invalid"],
    [['watch', 'http://x.test', '--retry-max', '-1'], "'--retry-max <n>' argument '-1' is invalid"],
    [['watch', 'http://x.test', '--format', 'xml'], 'Allowed choices are pretty, jsonl, sse, none'],
    [['watch', 'http://x.test', '--colour'], "unknown option '--colour'"],
    [['watch', 'http://x.test', '-H', 'X Bad: 1'], 'is not a valid header name'],
    [['watch', 'http://x.test', '-d', 'a', '--data-file', 'b'], 'either --data or --data-file'],
    [['watch', 'http://x.test', '--data-file', '/no/such/file'], 'cannot read --data-file'],
    [['watch', 'http://x.test', '-X', 'GET', '-d', 'x'], 'cannot have a body'],
  ])('exits 2 with a clear message and the usage for %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(USAGE);
    expect(result.stdout).toBe('');
  });

  it('never echoes the value of a malformed -H header', async () => {
    const result = await runCli(['watch', 'http://x.test', '-H', 'Bearer sk-secret-999']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must look like "Name: value"');
    expect(result.stderr).not.toContain('sk-secret-999');
  });
});
