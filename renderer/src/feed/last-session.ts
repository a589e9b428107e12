import type { FeedOpenRequest } from '../../../shared/api/feeds';
import { isSecretHeaderName } from '../../../shared/model/headers';

/** How a feed that was open can be opened again after the app is restarted. */
export type ReopenTarget = (
  | { kind: 'endpoint'; name: string; workspaceId: string; endpointId: string }
  | { kind: 'request'; name: string; request: FeedOpenRequest }
) & {
  /** The feed it was, so a reloaded page that resumed it keeps remembering it. */
  feedId?: string;
};

const STORAGE_KEY = 'eventscope.feeds.open';
/** A runaway list is not worth offering back. */
const MAX_REMEMBERED = 32;

/**
 * What a remembered request may keep: secret header values never go to the page's storage
 * (docs/architecture.md, "Persistence and secrets"); a feed reopened without them says why it failed (a 401) like any other.
 */
export function rememberable(request: FeedOpenRequest): FeedOpenRequest {
  return {
    ...request,
    headers: (request.headers ?? []).filter(
      (header) => header.secret !== true && !isSecretHeaderName(header.name),
    ),
  };
}

function isTarget(value: unknown): value is ReopenTarget {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.name !== 'string') return false;
  if (v.kind === 'endpoint')
    return typeof v.workspaceId === 'string' && typeof v.endpointId === 'string';
  if (v.kind === 'request') {
    const request = v.request as Record<string, unknown> | null;
    return typeof request === 'object' && request !== null && typeof request.url === 'string';
  }
  return false;
}

export function loadOpenFeeds(): ReopenTarget[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter(isTarget).slice(0, MAX_REMEMBERED) : [];
  } catch {
    return [];
  }
}

export function saveOpenFeeds(targets: readonly ReopenTarget[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(targets.slice(0, MAX_REMEMBERED)));
  } catch {
    // storage full or disabled: nothing is offered next time, nothing else breaks
  }
}
