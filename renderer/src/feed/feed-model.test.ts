import { describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../../shared/api/feeds';
import type { FeedEntry } from '../../../shared/api/frames';
import { applyFrame, createFeedModel, SPARKLINE_SECONDS } from './feed-model';
import { openFeedSummary } from '../../../tests/support/renderer/feed-summary';

const T0 = 1_700_000_000_000;

const fixture = openFeedSummary();
const summary: FeedSummary = { ...fixture, openedAt: T0, state: { ...fixture.state, at: T0 } };

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
