import { describe, expect, it } from 'vitest';
import {
  sampleEntries,
  tempDir,
  writeSessionLog,
} from '../../../tests/support/sessions/fixture-log';
import { listSessionFiles, readSessionFacts } from './session-files';

const START = Date.UTC(2026, 0, 2, 3, 4, 5);

async function factsOf(eventRuns: boolean, end: boolean) {
  const logsDir = tempDir();
  await writeSessionLog(logsDir, sampleEntries(START, 5_000), { eventRuns, end });
  const [files] = await listSessionFiles(logsDir);
  return readSessionFacts(files!, () => false);
}

describe('the facts a session list shows', () => {
  it('are the same for a log of event run lines as for one written an object per event', async () => {
    for (const end of [true, false]) {
      const runs = await factsOf(true, end);
      const objects = await factsOf(false, end);
      expect({ ...runs, sizeBytes: 0 }).toEqual({ ...objects, sizeBytes: 0 });
      expect(runs.sizeBytes).toBeLessThan(objects.sizeBytes);
    }
  });

  it('end at the last event of an interrupted log, read from its last run line', async () => {
    const entries = sampleEntries(START, 5_000);
    const facts = await factsOf(true, false);
    expect(facts.ending).toBe('interrupted');
    expect(facts.endedAt).toBe(entries.at(-1)!.at);
  });
});
