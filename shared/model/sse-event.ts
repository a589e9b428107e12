import { z } from 'zod';

/**
 * One dispatched event as the engine reports it (WHATWG HTML "Interpreting an event stream",
 * dispatch step), plus where and when it arrived.
 */
export const SseEventSchema = z.object({
  /** The event type; `message` when the block had no `event:` field. */
  type: z.string(),
  /** Data lines joined with LF, without the final LF. */
  data: z.string(),
  /** The connection's last event ID at dispatch; '' when none is set. */
  lastEventId: z.string(),
  /** Which connection attempt (1-based, counting every reconnect) delivered it. */
  attempt: z.number().int().min(1),
  /** UTF-8 length of `data` in bytes. */
  sizeBytes: z.number().int().min(0),
  /** Clock time (ms since the epoch) when the engine dispatched it. */
  receivedAt: z.number(),
});

export type SseEvent = z.infer<typeof SseEventSchema>;
