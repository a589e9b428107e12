import { isSecretHeaderName, parseHeaderArg } from './headers';

/**
 * Quick open's memory of recent requests, kept in settings.json. Secret header values
 * (Authorization, X-Api-Key …, see headers.ts) are blanked before anything is remembered: the
 * history is plain text on disk, never a place for tokens.
 */

export const QUICK_OPEN_HISTORY_MAX = 20;

/** One remembered request (validated by QuickOpenHistorySchema in shared/api/settings.ts). */
export interface RecentRequest {
  name: string;
  url: string;
  method: string;
  /** One `Name: value` per line, secret values blanked. */
  headers: string;
  body: string;
}

/** The header lines with every secret value removed (the name stays, so the user sees it). */
export function redactHeaderLines(lines: string): string {
  return lines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = parseHeaderArg(line);
      if (!parsed.ok) return line;
      return isSecretHeaderName(parsed.header.name) ? `${parsed.header.name}: ` : line;
    })
    .join('\n');
}

/** Adds a request in front; the same method + URL seen before moves up instead of repeating. */
export function rememberRequest(
  history: readonly RecentRequest[],
  request: RecentRequest,
): RecentRequest[] {
  const redacted = { ...request, headers: redactHeaderLines(request.headers) };
  const same = (r: RecentRequest) => r.method === redacted.method && r.url === redacted.url;
  return [redacted, ...history.filter((r) => !same(r))].slice(0, QUICK_OPEN_HISTORY_MAX);
}
