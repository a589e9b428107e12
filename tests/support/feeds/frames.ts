import { encodeFeedFrame } from '../../../shared/api/frame-codec';
import type { FeedEventEntry, FeedFrame } from '../../../shared/api/frames';

/** An event entry as the Node side makes it (UTF-8 size of its data). */
export function eventEntry(
  seq: number,
  data: string,
  over: Partial<FeedEventEntry> = {},
): FeedEventEntry {
  return {
    seq,
    at: 1_700_000_000_000,
    kind: 'event',
    type: 'message',
    data,
    lastEventId: '',
    attempt: 1,
    sizeBytes: new TextEncoder().encode(data).length,
    ...over,
  };
}

/** A frame's wire text, as the feed manager builds it from the entries' JSON. */
export function encodeFrame(frame: FeedFrame): string {
  const json = frame.entries.map((entry) => ({
    entry,
    json: JSON.stringify(entry.kind === 'event' ? entry.data : entry),
  }));
  return encodeFeedFrame(frame.feedId, frame.firstSeq, frame.dropped, json);
}
