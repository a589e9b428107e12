/** What the bench's child processes tell the runner over their IPC channel (`fork`). */

/** Both children: listening on 127.0.0.1:`port`. */
export interface ReadyMessage {
  type: 'ready';
  port: number;
}

/** Load server: a stream stopped writing (its time is up, or the client went away). */
export interface StreamFinishedMessage {
  type: 'stream-finished';
  streamId: string;
  /** Events actually written to the socket. */
  sent: number;
  /** Events the schedule asked for; more than `sent` when backpressure held the server back. */
  scheduled: number;
  durationMs: number;
  /** The client closed the response before the time was up. */
  aborted: boolean;
}

/** Load server: a second request for a stream (a reconnect) — the run is not clean. */
export interface StreamRefusedMessage {
  type: 'stream-refused';
  streamId: string;
  reason: string;
}

export type LoadServerMessage = ReadyMessage | StreamFinishedMessage | StreamRefusedMessage;

export function isChildMessage(value: unknown): value is LoadServerMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
