import type { FeedSummary } from '../../../shared/api';

/** A feed the Node side reports open: feed `f1`, "Clock", on the demo server's stream. */
export function openFeedSummary(over: Partial<FeedSummary> = {}): FeedSummary {
  return {
    feedId: 'f1',
    name: 'Clock',
    method: 'GET',
    url: 'http://127.0.0.1:8844/stream',
    state: {
      type: 'open',
      at: 1,
      attempt: 1,
      url: 'http://127.0.0.1:8844/stream',
      status: 200,
      headers: [],
    },
    openedAt: 1,
    logFile: '/data/logs/x.ndjson',
    ...over,
  };
}
