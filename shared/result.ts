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
export const ERROR_REASONS = [
  'store-not-found',
  'store-read-only',
  'store-unrecoverable',
  'store-closed',
  'store-io',
  'connection-lost',
  'api-disposed',
  'message-too-large',
  /** A request that does not match its command's schema; `paths` names the fields. */
  'request-invalid',
  /** A workspace the store's schema refuses; `paths` names the fields. */
  'workspace-invalid',
  /** An endpoint uses `{{names}}` no variable defines: it cannot connect. */
  'variables-unknown',
  /** The endpoint was deleted (in another window, say) since the page listed it. */
  'endpoint-not-found',
  /** An endpoint uses secrets (`names`: header names, `{{variables}}`) to type in again. */
  'secrets-reenter',
  // What an export or a session command refused.
  'export-no-log',
  'export-filter-invalid',
  'export-no-sessions',
  'export-running',
  'session-gone',
  'session-recording',
  'session-no-store',
  // What an import refused (electron/core/import, electron/core/workspaces/import-text.ts).
  'import-empty',
  'import-unrecognised',
  'import-json-unrecognised',
  'import-json-invalid',
  'import-copy-as-fetch',
  'import-copy-as-powershell',
  'import-powershell-continuation',
  'import-unterminated',
  'import-not-curl',
  'import-curl-no-url',
  'import-request-invalid',
  'import-variable-invalid',
  'import-postman-not-json',
  'import-postman-not-object',
  'import-postman-environment',
  'import-postman-v1',
  'import-postman-no-schema',
  'import-postman-v20',
  'import-postman-other-schema',
  'import-postman-invalid',
  'import-postman-too-deep',
  'import-postman-environment-invalid',
  'import-export-invalid',
  'import-export-newer',
  'import-export-workspace-invalid',
  // What the CA certificate chooser refused (electron/core/tls/ca-file-choice.ts).
  'ca-dialog-unavailable',
  'ca-too-large',
  'ca-no-certificate',
  'ca-certificate-invalid',
  'ca-unreadable',
] as const;

/**
 * Finer than the code, for a page to word the failure in its own language (`message` is the
 * Node side's English, for logs and the CLI): what the workspace store refused, what the
 * page's own link to the Node side ran into, what an import or the CA chooser refused.
 */
export type ErrorReason = (typeof ERROR_REASONS)[number];

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
    /** The reason and params the page words the failure from. */
    readonly detail?: Pick<AppError, 'reason' | 'params'>,
  ) {
    super(message);
  }
}
