import { z } from 'zod';

/**
 * The connection state machine (docs/architecture.md, "The engine"):
 * `idle → connecting → open → (retrying → connecting …) → closed | failed`.
 * Every transition is reported to the caller and logged on the feed's timeline. `at` is the
 * clock time (ms since the epoch) of the transition; `attempt` counts connection attempts from 1
 * and never resets (0 before the first one).
 */

/** Why a connection ended without an error. */
export const CloseReasonSchema = z.enum([
  /** `close()` was called (by the user, or by a caller's own limit such as max events). */
  'user',
  /** The caller's AbortSignal fired. */
  'aborted',
  /** The body ended cleanly and the policy does not reconnect after an end. */
  'end-of-stream',
  /** HTTP 204: the server asked us to stop for good (WHATWG EventSource processing model). */
  'no-content',
]);
export type CloseReason = z.infer<typeof CloseReasonSchema>;

export const ConnectionErrorCodeSchema = z.enum([
  /** The request could not be built or sent as given (bad URL, method, header, body). */
  'invalid-request',
  /** A status other than 200/204 that the policy does not retry (or stopped retrying). */
  'http-status',
  /** 200 but not `text/event-stream`: the standard fails the connection. */
  'content-type',
  /** DNS, refused, reset, TLS, or the body broke off. */
  'network',
  /** No response headers within connectTimeoutMs. */
  'connect-timeout',
  /** No byte at all within idleTimeoutMs. */
  'idle-timeout',
  /** A line or event over maxEventBytes. */
  'event-too-large',
  'too-many-redirects',
  /** A redirect to a non-http(s) URL, a missing Location, or https → http. */
  'bad-redirect',
]);
export type ConnectionErrorCode = z.infer<typeof ConnectionErrorCodeSchema>;

export const HeaderPairSchema = z.object({ name: z.string(), value: z.string() });
export type HeaderPair = z.infer<typeof HeaderPairSchema>;

export const ConnectionErrorSchema = z.object({
  code: ConnectionErrorCodeSchema,
  /** One human sentence, e.g. "HTTP 401 Unauthorized from https://… — the response body is shown below". */
  message: z.string(),
  url: z.string().optional(),
  status: z.number().int().optional(),
  statusText: z.string().optional(),
  /** Response headers, in arrival order. */
  headers: z.array(HeaderPairSchema).optional(),
  /** The first 64 KiB of the response body, decoded as UTF-8: people debug a 401 by reading it. */
  body: z.string().optional(),
  /** True when the body was longer than what is kept in `body`. */
  bodyTruncated: z.boolean().optional(),
  /**
   * What a page needs, beside `code` and the fields above, to word the error in its own
   * language (`message` is the engine's English, for the CLI and logs): `ms` of a timeout,
   * `bytes` of the event limit, `contentType` received, and for `network` the `phase`
   * (`connect` | `read`) and `cause` (a system error code such as ECONNREFUSED, or the kind of
   * a TLS/proxy failure).
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ConnectionError = z.infer<typeof ConnectionErrorSchema>;

const base = { at: z.number(), attempt: z.number().int().min(0) };

export const ConnectionStateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('idle'), ...base }),
  z.object({ type: z.literal('connecting'), ...base, url: z.string() }),
  z.object({
    type: z.literal('open'),
    ...base,
    /** The final URL after redirects. */
    url: z.string(),
    status: z.number().int(),
    headers: z.array(HeaderPairSchema),
  }),
  z.object({
    type: z.literal('retrying'),
    ...base,
    /** How long until the next attempt starts. */
    delayMs: z.number().min(0),
    /** When the next attempt starts (`at + delayMs`). */
    until: z.number(),
    /** Human reason, e.g. "connection lost: socket hang up". */
    reason: z.string(),
    /** The consecutive reconnect this wait precedes (1 = first); resets after an event. */
    retry: z.number().int().min(1),
    /** The policy's maxAttempts, so the UI can say "retry 3 of 5". */
    maxAttempts: z.number().int().nullable(),
    error: ConnectionErrorSchema.optional(),
  }),
  z.object({
    type: z.literal('closed'),
    ...base,
    reason: CloseReasonSchema,
    message: z.string(),
  }),
  z.object({ type: z.literal('failed'), ...base, error: ConnectionErrorSchema }),
]);

export type ConnectionState = z.infer<typeof ConnectionStateSchema>;
export type ConnectionStateType = ConnectionState['type'];

/** closed and failed are final: nothing follows them. */
export function isFinalState(
  state: ConnectionState,
): state is Extract<ConnectionState, { type: 'closed' | 'failed' }> {
  return state.type === 'closed' || state.type === 'failed';
}
