import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedManager } from '../feeds/feed-manager';
import type { FeedManager } from '../feeds/feed-manager';
import { segmentPath } from '../feeds/session-log';
import {
  sampleEntries,
  tempDir,
  writeSessionLog,
} from '../../../tests/support/sessions/fixture-log';
import { collectingSink } from '../../../tests/support/sessions/recording-sink';
import { startTimedServer } from '../../../tests/support/sessions/timed-server';
import { createSessionService } from './session-service';

const START = Date.UTC(2026, 0, 2, 3, 4, 5);
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup(logsDir = tempDir()) {
  const feeds: FeedManager = createFeedManager({ logsDir });
  cleanups.push(() => feeds.dispose());
  return { logsDir, feeds, service: createSessionService({ logsDir, feeds }) };
}

describe('past sessions', () => {
  it('says when a session lost its oldest segments to retention, in the list and when opened', async () => {
    const { logsDir, feeds, service } = setup();
    const first = await writeSessionLog(logsDir, sampleEntries(START, 2_000), {
      log: { segmentMaxBytes: 20_000 },
    });
    expect(existsSync(segmentPath(first, 3))).toBe(true);
    unlinkSync(first);
    const [info] = await service.list();
    expect(info).toMatchObject({ trimmed: true, ending: 'closed', events: 2_000 });

    const page = collectingSink();
    const summary = await service.open(page.sink, info!.id);
    await expect
      .poll(() => page.states.find((s) => s.feedId === summary.feedId)?.state, { timeout: 10_000 })
      .toBe('closed');
    expect(feeds.list(page.sink)[0]?.state).toMatchObject({
      type: 'closed',
      message: expect.stringMatching(/removed by log retention/),
    });
    // What remains arrives in order, from the first line of the oldest segment left.
    const seqs = page.entries(summary.feedId).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs.length).toBeGreaterThan(100);
  });

  it('streams a large recording to the page without dropping an entry', async () => {
    const { logsDir, service } = setup();
    await writeSessionLog(logsDir, sampleEntries(START, 60_000));
    const [info] = await service.list();
    const page = collectingSink();
    const summary = await service.open(page.sink, info!.id);
    expect(summary.readOnly).toBe(true);
    await expect
      .poll(() => page.states.some((s) => s.feedId === summary.feedId), { timeout: 20_000 })
      .toBe(true);
    const seqs = page.entries(summary.feedId).map((e) => e.seq);
    expect(seqs).toHaveLength(60_002);
    expect(seqs.every((seq, i) => seq === i + 1)).toBe(true);
  });

  it('lists a session being recorded as running and refuses to delete it', async () => {
    const origin = await startTimedServer([
      { delayMs: 5, text: 'data: hi\n\n' },
      { delayMs: 60_000, text: '' },
    ]);
    cleanups.push(() => origin.close());
    const { feeds, service } = setup();
    const page = collectingSink();
    const feed = await feeds.open(page.sink, {
      name: 'Live',
      request: { url: origin.url, method: 'GET', headers: [], body: null },
    });
    await expect.poll(() => page.events(feed.feedId).length).toBe(1);
    const [info] = await service.list();
    expect(info).toMatchObject({ name: 'Live', ending: 'running' });
    await expect(service.remove(info!.id)).rejects.toThrow(/still being recorded/);
    await feeds.close(page.sink, feed.feedId);
    expect(await service.remove(info!.id)).toBe(true);
    expect(readdirSync(dirname(feed.logFile!))).toEqual([]);
  });
});
