import type { EventSourceMessage } from 'eventsource-parser';
import type { FeedEventEntry } from '../shared/api/frames';

/**
 * The timeline entry the baselines (eventsource-parser, none of our engine) make of an event.
 * Bench loads are ASCII, so the data's length is its UTF-8 size.
 */
export function baselineEntry(seq: number, event: EventSourceMessage): FeedEventEntry {
  return {
    seq,
    at: Date.now(),
    kind: 'event',
    type: event.event ?? 'message',
    data: event.data,
    lastEventId: event.id ?? '',
    attempt: 1,
    sizeBytes: event.data.length,
  };
}
