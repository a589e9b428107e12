import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedEventEntry } from '../../../shared/api/frames';
import { createFeedManager } from '../feeds/feed-manager';
import type { FeedManager } from '../feeds/feed-manager';
import { runExport } from '../export/run-export';
import { startReplayServer } from './replay-server';
import type { ReplayServer } from './replay-server';
import { tempDir } from '../../../tests/support/sessions/fixture-log';
import { startTimedServer } from '../../../tests/support/sessions/timed-server';
import { collectingSink } from '../../../tests/support/sessions/recording-sink';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Gaps of 400 ms and more: 10 % is then well above timer jitter on a busy machine. */
const SCRIPT = [
  { delayMs: 50, text: 'retry: 1500\nid: 1\ndata: first\n\n' },
  { delayMs: 400, text: 'event: tick\ndata: second\n\n' },
  { delayMs: 600, text: 'id: 3\nevent: tick\ndata: multi\ndata: line\n\n' },
  { delayMs: 250, text: ': heartbeat\n\n' },
  { delayMs: 250, text: 'id\ndata: id reset\n\n' },
  { delayMs: 450, text: 'id: ✓4\ndata: {"json": "yes, with, commas"}\n\n' },
  { delayMs: 400, text: 'event: done\ndata:\n\n' },
];
const EVENT_COUNT = 6;

async function record(manager: FeedManager, url: string) {
  const page = collectingSink();
  const feed = await manager.open(page.sink, {
    name: 'Round trip',
    request: { url, method: 'GET', headers: [], body: null },
  });
  await expect.poll(() => page.events(feed.feedId).length, { timeout: 10_000 }).toBe(EVENT_COUNT);
  const logFile = await manager.flushLog(page.sink, feed.feedId);
  await manager.close(page.sink, feed.feedId);
  return { events: page.events(feed.feedId), logFile: logFile! };
}

const essentials = (events: FeedEventEntry[]) =>
  events.map(({ type, data, lastEventId }) => ({ type, data, lastEventId }));
const gaps = (events: FeedEventEntry[]) => events.slice(1).map((e, i) => e.at - events[i]!.at);

describe('record → SSE transcript → replay → record', () => {
  it('gives the same events, order, ids and types, with inter-event timing within 10 % at speed 1', async () => {
    const origin = await startTimedServer(SCRIPT);
    cleanups.push(() => origin.close());
    const manager = createFeedManager({ logsDir: tempDir() });
    cleanups.push(() => manager.dispose());

    const first = await record(manager, origin.url);
    const transcript = join(tempDir(), 'capture.sse');
    await runExport({
      sources: [{ paths: [first.logFile], trimmed: false }],
      format: 'sse',
      destination: transcript,
    });
    const replay: ReplayServer = await startReplayServer({ paths: [transcript], speed: '1' });
    cleanups.push(() => replay.close());
    const second = await record(manager, replay.url);

    expect(essentials(second.events)).toEqual(essentials(first.events));
    expect(first.events.map((e) => e.lastEventId)).toEqual(['1', '1', '3', '', '✓4', '✓4']);
    const before = gaps(first.events);
    const after = gaps(second.events);
    after.forEach((gap, i) => {
      expect(Math.abs(gap - before[i]!)).toBeLessThanOrEqual(before[i]! * 0.1);
    });
  });

  it('resumes after the event whose id a reconnecting client sends, and sends the original retry', async () => {
    const origin = await startTimedServer(SCRIPT.map((s) => ({ ...s, delayMs: 1 })));
    cleanups.push(() => origin.close());
    const manager = createFeedManager({ logsDir: tempDir() });
    cleanups.push(() => manager.dispose());
    const first = await record(manager, origin.url);
    const replay = await startReplayServer({ paths: [first.logFile], speed: 'max' });
    cleanups.push(() => replay.close());
    const response = await fetch(replay.url, { headers: { 'Last-Event-ID': '3' } });
    const text = await response.text();
    expect(text.startsWith('retry: 1500\n\n')).toBe(true);
    expect(text).not.toContain('data: first');
    expect(text).not.toContain('data: multi');
    expect(text).toContain('data: id reset');
  });
});
