import type { FeedEntry, FeedEventEntry } from '../../../shared/api/frames';
import type { FeedSink } from '../../../electron/core/feeds/feed-manager';

/** A page stand-in that keeps every frame entry and notification it is sent. */
export function collectingSink(id = 'test-page') {
  const entries = new Map<string, FeedEntry[]>();
  const states: Array<{ feedId: string; state: string }> = [];
  const sink: FeedSink = {
    id,
    sendFrame(frame) {
      const list = entries.get(frame.feedId) ?? [];
      list.push(...frame.entries);
      entries.set(frame.feedId, list);
    },
    notify(channel, payload) {
      if (channel === 'feeds:state-changed') {
        const summary = payload as { feedId: string; state: { type: string } };
        states.push({ feedId: summary.feedId, state: summary.state.type });
      }
    },
    canSend: () => true,
  };
  return {
    sink,
    entries: (feedId: string) => entries.get(feedId) ?? [],
    events: (feedId: string) =>
      (entries.get(feedId) ?? []).filter((e): e is FeedEventEntry => e.kind === 'event'),
    states,
  };
}
