import type { LlmUsage, MergeState, RunTiming } from './types';

/** The moments of a run the lens measures, all clock times in ms since the epoch. */
export interface RunMoments {
  /** The request went out (the first `connecting`). */
  requestAt: number | null;
  /** Its response headers arrived (the first `open`). */
  openAt: number | null;
  /** The run ended (terminator, or the connection's final state); null while live. */
  endAt: number | null;
  /** The latest event, for a live duration. */
  lastEventAt: number | null;
}

/**
 * Time to first byte is measured to the response headers (what fetch reports first); time to
 * first token to the first event that added text, reasoning or tool-call arguments. The rate is
 * output tokens per second of generation (first to last content event) when the provider reported
 * usage, else content chunks per second — and says which.
 */
export function computeTiming(moments: RunMoments, merge: MergeState): RunTiming {
  const { requestAt, openAt } = moments;
  const since = (at: number | null): number | null =>
    requestAt === null || at === null ? null : Math.max(0, at - requestAt);
  const generationMs =
    merge.firstTokenAt === null || merge.lastTokenAt === null
      ? 0
      : merge.lastTokenAt - merge.firstTokenAt;
  const outputTokens = (merge.usage as LlmUsage | null)?.outputTokens;
  const rateUnit = outputTokens === undefined ? 'chunks' : 'tokens';
  const amount = outputTokens ?? merge.contentChunks;
  return {
    ttfbMs: since(openAt),
    ttftMs: since(merge.firstTokenAt),
    durationMs: since(moments.endAt ?? moments.lastEventAt),
    tokensPerSecond: generationMs > 0 ? round1((amount / generationMs) * 1000) : null,
    rateUnit,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
