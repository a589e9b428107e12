/**
 * Feed frames: Node side → renderer, high rate (DESIGN.md §2, lane 3). Events are never sent
 * one by one: the feed manager batches per feed and flushes by time, count and bytes. Every
 * event carries a per-feed `seq`, so `firstSeq` + `events.length` + `dropped` make gaps visible.
 * The feed manager issue fills in the event shape; the channel (channels.ts) and envelope are
 * fixed here so every transport already carries them.
 */
export interface FeedFrameEvent {
  seq: number;
  type: string;
  data: string;
  lastEventId: string;
  receivedAt: number;
}

export interface FeedFrame {
  feedId: string;
  firstSeq: number;
  events: FeedFrameEvent[];
  /** Live events dropped for this subscriber since the previous frame (the log keeps them). */
  dropped: number;
}
