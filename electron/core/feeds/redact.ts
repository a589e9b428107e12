import { isSecretHeaderName } from '../../../shared/model/headers';
import type { SseRequestHeader } from '../sse/request';

export const REDACTED = '[redacted]';

/** True for headers whose value must never reach a log or export in plain text. */
export function isSecretHeader(header: SseRequestHeader): boolean {
  return header.secret === true || isSecretHeaderName(header.name);
}

/** The headers as they may be written down: secret values replaced, names and order kept. */
export function redactHeaders(
  headers: readonly SseRequestHeader[],
): Array<{ name: string; value: string }> {
  return headers.map((header) => ({
    name: header.name,
    value: isSecretHeader(header) ? REDACTED : header.value,
  }));
}
