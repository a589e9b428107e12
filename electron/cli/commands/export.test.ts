import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../../tests/support/cli/cli-test-process';
import {
  AWKWARD_DATA,
  sampleEntries,
  tempDir,
  writeSessionLog,
} from '../../../tests/support/sessions/fixture-log';
import { startTimedServer } from '../../../tests/support/sessions/timed-server';

const START = Date.UTC(2026, 0, 2, 3, 4, 5);
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Each case starts the real CLI through tsx (seconds each on a loaded machine).
describe('eventscope export, sessions, replay and watch --out', { timeout: 60_000 }, () => {
  it('exports a session log as CSV to a file, with --filter in the feed filter language', async () => {
    const logs = tempDir();
    const log = await writeSessionLog(logs, sampleEntries(START));
    const out = join(tempDir(), 'events.csv');
    const result = await runCli([
      'export',
      log,
      '--format',
      'csv',
      '--out',
      out,
      '--filter',
      'type:type-1',
    ]);
    expect(result.code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => r.type)).toEqual(['type-1', 'type-1', 'type-1']);
    expect(rows.map((r) => r.data)).toEqual([AWKWARD_DATA[1], AWKWARD_DATA[4], AWKWARD_DATA[7]]);
  });

  it('writes JSONL to stdout and refuses a bad filter as a usage error', async () => {
    const logs = tempDir();
    const log = await writeSessionLog(logs, sampleEntries(START));
    const ok = await runCli(['export', log, '--format', 'jsonl']);
    expect(ok.code).toBe(0);
    const lines = ok.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { lastEventId: unknown });
    expect(lines).toHaveLength(AWKWARD_DATA.length);
    expect(lines.every((l) => typeof l.lastEventId === 'string')).toBe(true);
    const bad = await runCli(['export', log, '--format', 'jsonl', '--filter', '/open']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--filter/);
  });

  it('lists recorded sessions with their facts', async () => {
    const dataDir = tempDir();
    await writeSessionLog(join(dataDir, 'logs'), sampleEntries(START));
    const result = await runCli(['sessions', '--data-dir', dataDir, '--json']);
    expect(result.code).toBe(0);
    const [session] = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(session).toMatchObject({
      workspace: 'Demo',
      name: 'Counter',
      events: AWKWARD_DATA.length,
      ending: 'closed',
      trimmed: false,
    });
    expect(existsSync(session!.file as string)).toBe(true);
  });

  it('records while printing with watch --out, then replays the recording with its ids', async () => {
    const origin = await startTimedServer([
      { delayMs: 10, text: 'id: a\ndata: one\n\n' },
      { delayMs: 10, text: 'event: two\ndata: 2\n\n' },
      { delayMs: 10, text: 'id: c\ndata: three\n\n' },
    ]);
    cleanups.push(() => origin.close());
    const dir = tempDir();
    const out = join(dir, 'capture.sse');
    const watch = await runCli([
      'watch',
      origin.url,
      '--max-events',
      '3',
      '--format',
      'jsonl',
      '--out',
      out,
    ]);
    expect(watch.code).toBe(0);
    expect(watch.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(readdirSync(dir)).toEqual(['capture.sse']);

    const replay = startCli(['replay', out, '--speed', 'max']);
    cleanups.push(async () => {
      replay.child.kill('SIGTERM');
      await replay.exited;
    });
    await replay.waitForStdout((s) => /http:\/\/127\.0\.0\.1:\d+\//.test(s), 20_000);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(replay.stdout)![0];
    const again = await runCli(['watch', url, '--max-events', '3', '--format', 'jsonl']);
    const events = again.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; data: string; lastEventId: string });
    expect(events.map(({ type, data, lastEventId }) => ({ type, data, lastEventId }))).toEqual([
      { type: 'message', data: 'one', lastEventId: 'a' },
      { type: 'two', data: '2', lastEventId: 'a' },
      { type: 'message', data: 'three', lastEventId: 'c' },
    ]);
  });

  it('refuses --out with an extension it cannot place', async () => {
    const result = await runCli([
      'watch',
      'http://127.0.0.1:9/',
      '--out',
      join(tempDir(), 'x.bin'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out-format/);
  });
});
