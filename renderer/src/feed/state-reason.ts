import type { ConnectionError, ConnectionState } from '../../../shared/model/connection-state';
import { i18n } from '../i18n';

/**
 * Why a connection is waiting, closed or failed, in the page's language. The engine words its
 * states in English for the CLI; the page builds its own sentence from the state's codes and
 * fields (shared/model/connection-state.ts), so the timeline and the state line read entirely
 * in the chosen language.
 */

const t = (key: string, params: Record<string, unknown> = {}): string => i18n.global.t(key, params);
const te = (key: string): boolean => i18n.global.te(key);

function param(error: ConnectionError, name: string): string | number | undefined {
  return error.params?.[name];
}

function seconds(ms: unknown): string {
  return typeof ms === 'number' ? String(Math.round(ms / 100) / 10) : '?';
}

function status(error: ConnectionError): string {
  const code = error.status ?? 0;
  return error.statusText ? `${code} ${error.statusText}` : String(code);
}

/** The cause of a network failure: a known system code or TLS/proxy kind, else the code as is. */
function networkCause(error: ConnectionError): string {
  const cause = String(param(error, 'cause') ?? '');
  if (cause === '') return '';
  const key = `feed.reasons.causes.${cause}`;
  return te(key) ? t(key) : cause;
}

export function describeConnectionError(error: ConnectionError): string {
  switch (error.code) {
    case 'http-status':
      return error.url
        ? t('feed.reasons.httpStatus', { status: status(error), url: error.url })
        : t('feed.reasons.httpStatusOnly', { status: status(error) });
    case 'content-type': {
      const got = String(param(error, 'contentType') ?? '');
      return got === ''
        ? t('feed.reasons.noContentType', { url: error.url ?? '' })
        : t('feed.reasons.contentType', { contentType: got, url: error.url ?? '' });
    }
    case 'network': {
      const cause = networkCause(error);
      const phase = param(error, 'phase') === 'read' ? 'lost' : 'connect';
      return cause === ''
        ? t(`feed.reasons.network.${phase}`, { url: error.url ?? '' })
        : t(`feed.reasons.network.${phase}Because`, { url: error.url ?? '', cause });
    }
    case 'connect-timeout':
      return t('feed.reasons.connectTimeout', { seconds: seconds(param(error, 'ms')) });
    case 'idle-timeout':
      return t('feed.reasons.idleTimeout', { seconds: seconds(param(error, 'ms')) });
    case 'event-too-large': {
      const bytes = param(error, 'bytes');
      const kib = typeof bytes === 'number' ? Math.round(bytes / 1024) : '?';
      return t('feed.reasons.eventTooLarge', { kib });
    }
    case 'too-many-redirects':
      return t('feed.reasons.tooManyRedirects');
    case 'bad-redirect':
      return t('feed.reasons.badRedirect');
    case 'invalid-request':
      return t('feed.reasons.invalidRequest');
  }
}

/** Why the connection waits to reconnect: its error, or a stream the server ended cleanly. */
export function describeRetryReason(state: Extract<ConnectionState, { type: 'retrying' }>): string {
  return state.error === undefined
    ? t('feed.reasons.serverEnded')
    : describeConnectionError(state.error);
}

export function describeCloseReason(state: Extract<ConnectionState, { type: 'closed' }>): string {
  return t(`feed.reasons.closed.${state.reason}`);
}

/** The failure, with the number of attempts made when there was more than one. */
export function describeFailure(state: Extract<ConnectionState, { type: 'failed' }>): string {
  const text = describeConnectionError(state.error);
  return state.attempt > 1
    ? t('feed.reasons.afterAttempts', { text, attempts: state.attempt })
    : text;
}
