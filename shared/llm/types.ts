/**
 * The LLM stream lens: token streams of the big LLM APIs merged back into readable messages.
 * Everything here is pure data and pure functions over it, shared by the app, the CLI and the
 * session log (docs/llm-streams.md describes each provider's format and how it is merged).
 */

export const LLM_PROFILE_IDS = [
  'openai-chat',
  'openai-responses',
  'anthropic',
  'gemini',
  'custom',
] as const;
export type LlmProfileId = (typeof LLM_PROFILE_IDS)[number];

/** What an endpoint asks for: detect, a fixed profile, or no merging at all. */
export type LlmProfileSetting = 'auto' | LlmProfileId | 'none';

/** The custom profile: string values at `path` are concatenated; `terminator` ends the run. */
export interface CustomProfileConfig {
  /** A JSON path such as `$.token` or `$.choices[0].text`. */
  path: string;
  /** Event data (or event type) that means "the run is complete", e.g. `[DONE]`. */
  terminator?: string;
}

/** One dispatched SSE event, as much of it as a profile needs. */
export interface LlmEvent {
  type: string;
  data: string;
  /** Clock time (ms since the epoch) the event arrived. */
  receivedAt: number;
}

export interface ToolCall {
  /** The provider's id (`call_…`, `toolu_…`), '' when it sends none (Gemini). */
  id: string;
  name: string;
  /** The argument JSON as assembled from its fragments. */
  arguments: string;
  /** All fragments are in (block stopped, finish reason, done event). */
  complete: boolean;
}

export interface MergedMessage {
  /** The choice (OpenAI), candidate (Gemini) or 0 (one message per Anthropic/Responses run). */
  index: number;
  text: string;
  /** Reasoning / thinking text, kept apart from the answer. */
  reasoning: string;
  toolCalls: ToolCall[];
}

/** Token counts as the provider reported them; absent fields were not reported. */
export interface LlmUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  reasoningTokens?: number;
}

/** A hole in the provider's own numbering (Responses' `sequence_number`). */
export interface SequenceGap {
  expected: number;
  got: number;
}

/** What a profile builds from the events of one run. Profiles mutate only this. */
export interface MergeState {
  messages: MergedMessage[];
  stopReason: string | null;
  usage: LlmUsage | null;
  /** The provider's error (an error event or payload), with its message. */
  error: string | null;
  /** The terminator or completion event arrived: the run is complete. */
  terminated: boolean;
  sequenceGaps: SequenceGap[];
  /** Events that added text, reasoning or tool-call arguments. */
  contentChunks: number;
  /** When the first of them arrived. */
  firstTokenAt: number | null;
  /** When the last of them arrived. */
  lastTokenAt: number | null;
  /** Per-profile bookkeeping (tool calls by index, the next sequence number …). */
  scratch: Record<string, unknown>;
}

/**
 * A provider's stream format. `apply` reads one event and updates the state: no I/O, no clock,
 * so the same function runs in the app, the CLI and the tests.
 */
export interface LlmProfile {
  readonly id: LlmProfileId;
  apply(state: MergeState, event: LlmEvent): void;
}

/** `streaming` while the run is live; the rest are final (see docs/llm-streams.md). */
export type RunStatus = 'streaming' | 'completed' | 'truncated' | 'errored';

export interface RunTiming {
  /** Request sent → response headers in. */
  ttfbMs: number | null;
  /** Request sent → first text, reasoning or tool-call fragment. */
  ttftMs: number | null;
  /** Request sent → the run ended (or the latest event while it is live). */
  durationMs: number | null;
  /** Output tokens (from usage) or content chunks per second of generation; see `rateUnit`. */
  tokensPerSecond: number | null;
  rateUnit: 'tokens' | 'chunks';
}

export function createMergeState(): MergeState {
  return {
    messages: [],
    stopReason: null,
    usage: null,
    error: null,
    terminated: false,
    sequenceGaps: [],
    contentChunks: 0,
    firstTokenAt: null,
    lastTokenAt: null,
    scratch: {},
  };
}
