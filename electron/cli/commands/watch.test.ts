import { Buffer } from 'node:buffer';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../core/demo';
import { jsonLines, runCli, startCli } from '../../../tests/support/cli/cli-test-process';
import { startTestServer } from '../../../tests/support/sse/test-server';

// Fast timings so each run takes a fraction of a second even on a loaded machine.
let demo: DemoServer;
beforeAll(async () => {
  demo = await createDemoServer({ tickMs: 20, chatTokenMs: 2, reconnectMs: 20, flakyDropEvery: 2 });
});
afterAll(async () => {
  await demo.close();
});

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * A server that sends `body` as an event stream and drops the connection, then answers 204
 * (stop for good) to every reconnect, until `again()` makes it send the body once more.
 */
async function serveOnceThenNoContent(body: string) {
  let hits = 0;
  const server = await startTestServer((_req, res) => {
    hits += 1;
    if (hits > 1) {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.write(body, () => setImmediate(() => res.socket?.destroy()));
  });
  return { server, again: () => (hits = 0) };
}

describe('eventscope watch', () => {
  it('prints jsonl event records when piped and exits 0 after --max-events', async () => {
    const result = await runCli(['watch', `${demo.url}/counter`, '--max-events', '3']);
    expect(result.code).toBe(0);
    const records = jsonLines(result.stdout);
    expect(records).toHaveLength(3);
    records.forEach((record, index) => {
      expect(Object.keys(record)).toEqual([
        'kind',
        'seq',
        'type',
        'data',
        'lastEventId',
        'receivedAt',
        'attempt',
      ]);
      expect(record).toMatchObject({
        kind: 'event',
        seq: index + 1,
        type: 'message',
        data: String(index + 1),
        lastEventId: String(index + 1),
      });
      expect(record.receivedAt).toMatch(ISO_DATE);
    });
  });

  it('writes lastEventId "" (a string, as in browsers) while no id is set and keeps named event types', async () => {
    const result = await runCli(['watch', `${demo.url}/stream`, '--max-events', '2']);
    expect(result.code).toBe(0);
    const [first, second] = jsonLines(result.stdout);
    expect(first).toMatchObject({ type: 'connecttime', lastEventId: '' });
    expect(second).toMatchObject({ type: 'message', lastEventId: '' });
  });

  it('stops after --timeout, exits 0 and prints the summary on stderr', async () => {
    const result = await runCli(['watch', `${demo.url}/stream`, '--timeout', '400', '--summary']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '') as Record<
      string,
      unknown
    >;
    expect(summary).toMatchObject({ reconnects: 0, stoppedBy: 'timeout' });
    expect(summary.events).toBe(jsonLines(result.stdout).length);
    expect(summary.bytes).toBeGreaterThan(0);
    expect(summary.seconds).toBeGreaterThanOrEqual(0.4);
  });

  it('exits 0 at the end of the stream with --no-retry', async () => {
    const result = await runCli(['watch', `${demo.url}/counter?limit=2`, '--no-retry']);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).map((r) => r.data)).toEqual(['1', '2']);
  });

  it('exits 0 on HTTP 204 without reconnecting', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(204).end();
    });
    try {
      const result = await runCli([
        'watch',
        server.origin,
        '--include-status',
        '--retry-initial',
        '10',
      ]);
      expect(result.code).toBe(0);
      expect(server.requests).toHaveLength(1);
      expect(jsonLines(result.stdout).at(-1)).toMatchObject({
        kind: 'status',
        state: 'closed',
        code: 'no-content',
      });
    } finally {
      await server.close();
    }
  });

  it('sends --last-event-id as Last-Event-ID so the counter resumes after it', async () => {
    const result = await runCli([
      'watch',
      `${demo.url}/counter`,
      '--last-event-id',
      '41',
      '--max-events',
      '2',
    ]);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).map((r) => r.data)).toEqual(['42', '43']);
  });

  it('POSTs a JSON body with a bearer token and streams the chat tokens up to [DONE]', async () => {
    const result = await runCli([
      'watch',
      `${demo.url}/chat`,
      '-H',
      'Authorization: Bearer demo-token',
      '-d',
      '{"prompt":"Hello"}',
    ]);
    expect(result.code).toBe(0);
    const data = jsonLines(result.stdout).map((r) => r.data as string);
    expect(data.at(-1)).toBe('[DONE]');
    const text = data
      .slice(0, -1)
      .map((d) => (JSON.parse(d) as { choices: { delta: { content?: string } }[] }).choices)
      .map((choices) => choices[0]?.delta.content ?? '')
      .join('');
    expect(text).toContain('You said: "Hello"');
  });

  it('sends the method, every -H header (repeated names too) and the body as given', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('data: ok\n\n');
    });
    try {
      const result = await runCli([
        'watch',
        server.origin,
        '-X',
        'put',
        '-H',
        'X-Tag: one',
        '-H',
        'X-Tag: two',
        '-H',
        'Accept: text/event-stream, */*',
        '-d',
        '{"a":1}',
        '--no-retry',
      ]);
      expect(result.code).toBe(0);
      const seen = server.requests[0];
      expect(seen?.method).toBe('PUT');
      expect(seen?.headers['x-tag']).toBe('one, two');
      expect(seen?.headers.accept).toBe('text/event-stream, */*');
      expect(seen?.headers['content-type']).toBe('application/json');
      expect(seen?.headers['cache-control']).toBe('no-cache');
      expect(seen?.body.toString()).toBe('{"a":1}');
    } finally {
      await server.close();
    }
  });

  it('sends the exact bytes of --data-file, from a file or from stdin', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('data: ok\n\n');
    });
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x0a, 0x41, 0xc3]);
    try {
      const result = await runCli(
        [
          'watch',
          server.origin,
          '--data-file',
          '-',
          '-H',
          'Content-Type: application/octet-stream',
        ],
        { stdin: bytes },
      );
      expect(result.code).toBe(0);
      expect(server.requests[0]?.method).toBe('POST');
      expect(server.requests[0]?.body.equals(bytes)).toBe(true);
      expect(server.requests[0]?.headers['content-type']).toBe('application/octet-stream');

      const dir = await mkdtemp(join(tmpdir(), 'eventscope-watch-'));
      const file = join(dir, 'body.bin');
      await writeFile(file, bytes);
      const fromFile = await runCli(['watch', server.origin, '--data-file', file, '-X', 'PATCH']);
      await rm(dir, { recursive: true });
      expect(fromFile.code).toBe(0);
      expect(server.requests[1]?.method).toBe('PATCH');
      expect(server.requests[1]?.body.equals(bytes)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('reconnects to a flaky stream with Last-Event-ID and reports each retry', async () => {
    const result = await runCli([
      'watch',
      `${demo.url}/flaky`,
      '--max-events',
      '5',
      '--retry-initial',
      '10',
      '--include-status',
      '--summary',
    ]);
    expect(result.code).toBe(0);
    const records = jsonLines(result.stdout);
    const events = records.filter((r) => r.kind === 'event');
    expect(events.map((r) => r.data)).toEqual(['1', '2', '3', '4', '5']);
    const retrying = records.filter((r) => r.state === 'retrying');
    expect(retrying.length).toBeGreaterThanOrEqual(2);
    // The flaky stream never stays up the stable period, so the count does not start over.
    expect(retrying.map((r) => r.retry)).toEqual(retrying.map((_r, i) => i + 1));
    for (const record of retrying) {
      expect(record).toMatchObject({ kind: 'status', code: 'network' });
      expect(record.attempt).toEqual(expect.any(Number));
      expect(record.delayMs).toBeGreaterThanOrEqual(20);
      expect(record.reason).toEqual(expect.stringContaining('connection lost'));
    }
    const states = records.filter((r) => r.kind === 'status').map((r) => r.state);
    expect(states.slice(0, 2)).toEqual(['connecting', 'open']);
    const summary = JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '') as {
      reconnects: number;
    };
    expect(summary.reconnects).toBe(retrying.length);
  });

  it('re-serialises events and comments with --format sse, ids only when they change', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('id: 7\nevent: tick\ndata: a\ndata: b\n\n: heartbeat\ndata: c\n\nid\ndata: d\n\n');
    });
    try {
      const result = await runCli(['watch', server.origin, '--format', 'sse', '--no-retry']);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        'id: 7\nevent: tick\ndata: a\ndata: b\n\n: heartbeat\ndata: c\n\nid: \ndata: d\n\n',
      );
    } finally {
      await server.close();
    }
  });

  it('prints nothing per event with --format none but still counts them', async () => {
    const result = await runCli([
      'watch',
      `${demo.url}/burst?n=500&size=10`,
      '--no-retry',
      '--format',
      'none',
      '--summary',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr.trim())).toMatchObject({
      events: 500,
      bytes: 5000,
      reconnects: 0,
      stoppedBy: 'end-of-stream',
    });
  });

  it('counts events past the LLM check by their UTF-8 size with --format none and resumes from the last id', async () => {
    // Twenty events with multi-byte ids and data: the first eight are read whole (the LLM lens
    // looks for a terminator), the rest only counted.
    let body = '';
    let bytes = 0;
    for (let i = 1; i <= 20; i++) {
      body += `id: é${i}\ndata: ${'€'.repeat(i)}\ndata: x\n\n`;
      bytes += 3 * i + 2;
    }
    const { server, again } = await serveOnceThenNoContent(body);
    try {
      const args = [
        'watch',
        server.origin,
        '--format',
        'none',
        '--summary',
        '--retry-initial',
        '10',
      ];
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
        events: 20,
        bytes,
        reconnects: 1,
        stoppedBy: 'no-content',
      });
      expect(server.requests[1]?.headers['last-event-id']).toBe(
        Buffer.from('é20', 'utf8').toString('latin1'),
      );
      again();
      const stopped = await runCli([...args, '--max-events', '12']);
      expect(JSON.parse(stopped.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
        events: 12,
        stoppedBy: 'max-events',
      });
    } finally {
      await server.close();
    }
  });

  it('counts thousands of ASCII events per read in runs with --format none, stops at an exact --max-events and resumes from the last id', async () => {
    // ASCII reads of short lines go through the size-only WebAssembly scanner, counted in runs.
    let body = '';
    let bytes = 0;
    for (let i = 1; i <= 6000; i++) {
      body += `id: ${i}\r\nevent: tick\r\ndata: ${'x'.repeat(i % 70)}\r\n\r\n`;
      bytes += i % 70;
    }
    const { server, again } = await serveOnceThenNoContent(body);
    try {
      const args = ['watch', server.origin, '--format', 'none', '--summary'];
      const result = await runCli([...args, '--retry-initial', '10']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
        events: 6000,
        bytes,
        reconnects: 1,
        stoppedBy: 'no-content',
      });
      expect(server.requests[1]?.headers['last-event-id']).toBe('6000');
      again();
      const stopped = await runCli([...args, '--no-retry', '--max-events', '4321']);
      expect(JSON.parse(stopped.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
        events: 4321,
        stoppedBy: 'max-events',
      });
    } finally {
      await server.close();
    }
  });

  it('prints readable pretty lines, coloured with FORCE_COLOR and plain with NO_COLOR', async () => {
    const args = ['watch', `${demo.url}/counter`, '--max-events', '2', '--format', 'pretty'];
    const plain = await runCli(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toMatch(/^\d\d:\d\d:\d\d\.\d{3} #1 message id:1 {2}1$/m);
    expect(plain.stdout).toMatch(/open: HTTP 200/);
    const coloured = await runCli(args, { env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[36mmessage\u001b[39m');
  });

  it('writes each event as it arrives, so a reader sees it while the watch runs', async () => {
    const cli = startCli(['watch', `${demo.url}/stream`]);
    await cli.waitForStdout((out) => out.includes('"type":"connecttime"'));
    expect(cli.child.exitCode).toBeNull();
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  });

  it('stops quietly with exit 0 when the reader of its output goes away', async () => {
    const cli = startCli(['watch', `${demo.url}/stream`]);
    await cli.waitForStdout((out) => out.includes('\n'));
    cli.child.stdout.destroy();
    const result = await cli.exited;
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('EPIPE');
  });
});
