import { describe, expect, it } from 'vitest';
import {
  sampleEntries,
  tempDir,
  writeSessionLog,
} from '../../../tests/support/sessions/fixture-log';
import type { ReplayItem } from './recording';
import { detectRecordingFormat, readRecording } from './recording';

const START = Date.UTC(2026, 0, 2, 3, 4, 5);

async function itemsOf(path: string): Promise<ReplayItem[]> {
  const items: ReplayItem[] = [];
  for await (const batch of readRecording([path], await detectRecordingFormat(path))) {
    items.push(...batch);
  }
  return items;
}

describe('a session log as a recording', () => {
  it('replays the same events and retries from event run lines as from a line per event', async () => {
    const entries = sampleEntries(START, 300);
    const runs = await itemsOf(await writeSessionLog(tempDir(), entries));
    const objects = await itemsOf(await writeSessionLog(tempDir(), entries, { eventRuns: false }));
    expect(runs.filter((item) => item.kind === 'event')).toHaveLength(300);
    expect(runs).toEqual(objects);
  });
});
