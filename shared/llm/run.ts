import type { ConnectionState } from '../model/connection-state';
import { detectFromEvent, detectFromUrl } from './detect';
import { profileFor } from './profiles';
import { computeTiming, type RunMoments } from './timing';
import {
  createMergeState,
  type CustomProfileConfig,
  type LlmEvent,
  type LlmProfile,
  type LlmProfileId,
  type LlmProfileSetting,
  type MergeState,
  type RunStatus,
  type RunTiming,
} from './types';

/** Events held back while `auto` looks for a tell; a stream with none by then is not an LLM's. */
export const LLM_DETECT_MAX_EVENTS = 8;

export interface LlmRunOptions {
  setting: LlmProfileSetting;
  custom?: CustomProfileConfig;
  /** The request URL, the first clue for `auto`. */
  url?: string;
}

export type DetectedBy = 'setting' | 'url' | 'events';

/** What the lens shows of a run at one moment. Plain data: safe to copy, export and log. */
export interface LlmRunSnapshot {
  profile: LlmProfileId | null;
  detectedBy: DetectedBy | null;
  status: RunStatus;
  merge: Omit<MergeState, 'scratch'>;
  timing: RunTiming;
  /** A provider error, or the connection's failure when it never produced a token. */
  error: string | null;
  /** Why the lens is off: `none` chosen, no format recognised, or a bad custom path. */
  inactiveReason: string | null;
}

export interface LlmRun {
  pushEvent(event: LlmEvent): void;
  pushState(state: ConnectionState): void;
  /** The terminator or completion event arrived: no reconnect may follow (docs/llm-streams.md). */
  readonly terminated: boolean;
  /** The live merge state, not copied: read it, never keep or change it (see snapshot()). */
  readonly live: Readonly<Omit<MergeState, 'scratch'>>;
  snapshot(): LlmRunSnapshot;
}

/**
 * One LLM run over a feed's events and state changes: picks the profile (setting, URL or first
 * events), merges the deltas, and derives the run status and timing. Pure: time comes from the
 * events' and states' own timestamps.
 */
export function createLlmRun(options: LlmRunOptions): LlmRun {
  const merge = createMergeState();
  const moments: RunMoments = { requestAt: null, openAt: null, endAt: null, lastEventAt: null };
  let profile: LlmProfile | null = null;
  let detectedBy: DetectedBy | null = null;
  let inactiveReason: string | null = null;
  let pending: LlmEvent[] = [];
  let final: Extract<ConnectionState, { type: 'closed' | 'failed' }> | null = null;
  let connectionError: string | null = null;

  if (options.setting === 'none') {
    inactiveReason = 'none';
  } else if (options.setting !== 'auto') {
    try {
      profile = profileFor(options.setting, options.custom);
      detectedBy = 'setting';
    } catch (error) {
      inactiveReason = error instanceof Error ? error.message : String(error);
    }
  } else if (options.url !== undefined) {
    const id = detectFromUrl(options.url);
    if (id !== null && id !== 'custom') {
      profile = profileFor(id);
      detectedBy = 'url';
    }
  }

  function apply(event: LlmEvent): void {
    if (profile === null || final !== null) return;
    profile.apply(merge, event);
    if (merge.terminated && moments.endAt === null) moments.endAt = event.receivedAt;
  }

  function status(): RunStatus {
    if (merge.error !== null) return 'errored';
    if (merge.terminated) return 'completed';
    if (final === null) return 'streaming';
    if (final.type === 'failed' && merge.contentChunks === 0) return 'errored';
    return 'truncated';
  }

  return {
    pushEvent(event) {
      moments.lastEventAt = event.receivedAt;
      moments.requestAt ??= event.receivedAt;
      if (profile !== null) {
        apply(event);
        return;
      }
      if (options.setting !== 'auto' || inactiveReason !== null) return;
      pending.push(event);
      const id = detectFromEvent(event);
      if (id !== null) {
        profile = profileFor(id);
        detectedBy = 'events';
        const held = pending;
        pending = [];
        for (const e of held) apply(e);
      } else if (pending.length >= LLM_DETECT_MAX_EVENTS) {
        pending = [];
        inactiveReason = 'unrecognised';
      }
    },
    pushState(state) {
      if (final !== null) return;
      switch (state.type) {
        case 'connecting':
          moments.requestAt ??= state.at;
          return;
        case 'open':
          moments.openAt ??= state.at;
          return;
        case 'closed':
        case 'failed':
          final = state;
          moments.endAt ??= state.at;
          if (state.type === 'failed') connectionError = state.error.message;
          return;
        default:
          return;
      }
    },
    get terminated() {
      return merge.terminated;
    },
    get live() {
      return merge;
    },
    snapshot() {
      const { scratch: _scratch, ...rest } = merge;
      const current = status();
      return {
        profile: profile?.id ?? null,
        detectedBy,
        status: current,
        merge: structuredClone(rest),
        timing: computeTiming(moments, merge),
        error: merge.error ?? (current === 'errored' ? connectionError : null),
        inactiveReason: profile === null ? (inactiveReason ?? 'detecting') : null,
      };
    },
  };
}
