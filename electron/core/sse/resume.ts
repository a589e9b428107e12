import type { ResumeMode } from '../../../shared/model/workspace';
import { assertNever } from '../../../shared/assert-never';

/**
 * May a non-GET request be sent again after its stream broke off (a network error once open, or
 * the end of the body)? Re-sending a POST may start — and bill — a new LLM generation, so by
 * default it is done only when the server gave the stream event ids: such a server can resume
 * from `Last-Event-ID` (WHATWG HTML "Server-sent events", reconnecting with the last event ID),
 * and clients such as LaunchDarkly's replay the same method, headers and body with it.
 * docs/llm-streams.md, "Resuming non-GET streams".
 *
 * `reconnectOnEnd` is the retry policy's explicit opt-in, which `auto` keeps honouring.
 */
export interface ResumeDecision {
  resend: boolean;
  /** Which rule applied, for the timeline: "resume auto: the stream carried event id 7". */
  rule: string;
}

export function resumeDecision(
  mode: ResumeMode,
  lastEventId: string,
  reconnectOnEnd: boolean,
): ResumeDecision {
  switch (mode) {
    case 'always':
      return { resend: true, rule: 'resume always: the request is sent again' };
    case 'never':
      return { resend: false, rule: 'resume never: the request is not sent again' };
    case 'auto':
      if (lastEventId !== '') {
        return {
          resend: true,
          rule: `resume auto: the stream carried event id ${JSON.stringify(lastEventId)}, so the request is sent again with Last-Event-ID`,
        };
      }
      if (reconnectOnEnd) {
        return { resend: true, rule: 'resume auto: reconnect after end is on for this request' };
      }
      return {
        resend: false,
        rule: 'resume auto: the stream carried no event id, so the request is not sent again',
      };
    default:
      return assertNever(mode);
  }
}
