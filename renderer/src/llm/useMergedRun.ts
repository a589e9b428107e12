import { shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import type { FeedEntry } from '../../../shared/api/frames';
import { createLlmRun, type LlmRun, type LlmRunSnapshot } from '../../../shared/llm/run';
import type { CustomProfileConfig, LlmProfileSetting } from '../../../shared/llm/types';

/** A feed's entries in seq order, oldest first: a bounded window, as the feed store keeps them. */
export interface EntryWindow {
  readonly length: number;
  at(index: number): FeedEntry | undefined;
}

export interface MergedRunSource {
  entries: EntryWindow;
  /** Changes whenever entries were added (the store bumps it once per animation frame). */
  version: number;
  url: string;
  /** The endpoint's profile setting; absent = auto. */
  setting?: LlmProfileSetting;
  custom?: CustomProfileConfig;
}

/**
 * The merged LLM run of a feed, kept up to date as entries arrive (shared/llm does the merging).
 * Only entries with a seq above the last one read are fed, so each event is merged once; a change
 * of profile replays the window. Depends on nothing but the feed's entries and the setting.
 */
export function useMergedRun(
  source: Ref<MergedRunSource>,
  override: Ref<LlmProfileSetting | null>,
): ShallowRef<LlmRunSnapshot> {
  let run: LlmRun = create();
  let lastSeq = 0;
  const snapshot = shallowRef(run.snapshot());

  function create(): LlmRun {
    const s = source.value;
    const custom = s.custom;
    return createLlmRun({
      setting: override.value ?? s.setting ?? 'auto',
      url: s.url,
      ...(custom ? { custom } : {}),
    });
  }

  function feed(entry: FeedEntry): void {
    if (entry.kind === 'event') {
      run.pushEvent({ type: entry.type, data: entry.data, receivedAt: entry.at });
    } else if (entry.kind === 'state') {
      run.pushState(entry.state);
    }
  }

  function catchUp(): void {
    const { entries } = source.value;
    // Seqs only grow: walk back to the first unread entry, then forward.
    let start = entries.length;
    while (start > 0 && (entries.at(start - 1)?.seq ?? 0) > lastSeq) start -= 1;
    for (let i = start; i < entries.length; i += 1) {
      const entry = entries.at(i);
      if (entry === undefined) continue;
      feed(entry);
      lastSeq = entry.seq;
    }
    snapshot.value = run.snapshot();
  }

  watch(
    () => [source.value.version, source.value.entries] as const,
    () => catchUp(),
    { immediate: true },
  );
  watch(
    () => [override.value, source.value.setting, source.value.url] as const,
    () => {
      run = create();
      lastSeq = 0;
      catchUp();
    },
  );
  return snapshot;
}
