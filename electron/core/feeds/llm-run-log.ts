import { createLlmRun, type LlmRun, type LlmRunSnapshot } from '../../../shared/llm/run';
import type { CustomProfileConfig, LlmProfileSetting } from '../../../shared/llm/types';

/** The LLM lens settings of a feed: the endpoint's profile (absent = auto). */
export interface FeedLlmSettings {
  setting: LlmProfileSetting;
  custom?: CustomProfileConfig;
}

/** A feed's LLM run, or null when the endpoint turned the lens off. */
export function createFeedLlmRun(
  url: string,
  settings: FeedLlmSettings | undefined,
): LlmRun | null {
  const setting = settings?.setting ?? 'auto';
  if (setting === 'none') return null;
  return createLlmRun({ setting, url, ...(settings?.custom ? { custom: settings.custom } : {}) });
}

/**
 * The session log's record of an LLM run, written once when the feed ends (docs/architecture.md, "Persistence and secrets": the
 * log is the complete record): status, timings, stop reason and usage. The merged text itself is
 * not repeated — the events it came from are in the log already.
 */
export function llmRunRecord(run: LlmRunSnapshot, at: number): Record<string, unknown> | null {
  if (run.profile === null) return null;
  return {
    kind: 'llm-run',
    at,
    profile: run.profile,
    detectedBy: run.detectedBy,
    status: run.status,
    stopReason: run.merge.stopReason,
    usage: run.merge.usage,
    timing: run.timing,
    sequenceGaps: run.merge.sequenceGaps,
    error: run.error,
  };
}
