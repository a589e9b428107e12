import { describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../../shared/api/feeds';
import type { FeedEntry } from '../../../shared/api/frames';
import { applyFrame, createFeedModel, SPARKLINE_SECONDS } from './feed-model';

const T0 = 1_700_000_000_000;

const summary: FeedSummary = {
  feedId: 'f1',
  name: 'Clock',
  method: 'GET',
  url: 'http://127.0.0.1:8844/stream',
  state: {
    type: 'open',
    at: T0,
    attempt: 1,
    url: 'http://127.0.0.1:8844/stream',
    status: 200,
    headers: [],
  },
  openedAt: T0,
  logFile: '/data/logs/x.ndjson',
};

const event = (seq: number, type: string, at: number): FeedEntry => ({
  seq,
  at,
  kind: 'event',
  type,
  data: 'x',
  lastEventId: '',
  attempt: 1,
  sizeBytes: 1,
});

describe('the feed model', () => {
  it('counts events per type and per second across a frame that mixes both', () => {
    const model = createFeedModel(summary);
    const entries: FeedEntry[] = [
      event(1, 'a', T0 + 100),
      event(2, 'a', T0 + 100),
      event(3, 'b', T0 + 100),
      { seq: 4, at: T0 + 1_500, kind: 'comment', text: 'keep-alive' } as FeedEntry,
      event(5, 'a', T0 + 1_500),
      event(6, 'a', T0 + 2_100),
      event(7, 'b', T0 + 2_100),
    ];
    applyFrame(model, { feedId: 'f1', firstSeq: 1, entries, dropped: 0 });
    applyFrame(model, {
      feedId: 'f1',
      firstSeq: 8,
      entries: [event(8, 'b', T0 + 2_200)],
      dropped: 0,
    });
    expect(Object.fromEntries(model.typeCounts)).toEqual({ a: 4, b: 3 });
    expect(model.counters.events).toBe(7);
    expect(model.perSecond.slice(SPARKLINE_SECONDS - 3)).toEqual([3, 1, 3]);
    expect(model.counters.firstEventMs).toBe(100);
  });
});
