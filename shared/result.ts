/**
 * The answer of every command across the bridge (docs/architecture.md, "The API contract"): handlers never throw to the
 * renderer, they return a Result whose error carries a stable code and a human message.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'forbidden'
  | 'not-found'
  | 'unknown-channel'
  | 'unavailable'
  | 'internal'
  /** endpoints:choose-ca-file: the content is not certificates, or is larger than 1 MiB. */
  | 'invalid-certificate'
  /** endpoints:choose-ca-file in web mode: no native dialog; send the file's content instead. */
  | 'dialog-unavailable';

/**
 * Finer than the code, for a page to word the failure in its own language (`message` is the
 * Node side's English, for logs and the CLI): what the workspace store refused, and what the
 * page's own link to the Node side ran into.
 */
export type ErrorReason =
  | 'store-not-found'
  | 'store-read-only'
  | 'store-unrecoverable'
  | 'store-closed'
  | 'store-io'
  | 'connection-lost'
  | 'api-disposed'
  | 'message-too-large';

export interface AppError {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
  /** The values the reason's sentence needs, e.g. `bytes` and `limit` of a message too large. */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  detail?: Pick<AppError, 'reason' | 'params'>,
): Result<T> {
  return { ok: false, error: { code, message, ...detail } };
}

/**
 * Thrown by a handler to answer with a specific code instead of 'internal' (the command
 * invoker turns it into a failed Result).
 */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
