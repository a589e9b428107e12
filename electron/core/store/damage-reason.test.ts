import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAMAGE_REASON_CODES } from '../../../shared/api/damage-reasons';
import { openSettings } from '../settings';
import { damageReasonCode } from './damage-reason';
import { storeNoticeCode } from './notices';
import { storePaths } from './paths';
import { openTestStore, tempDataDir } from '../../../tests/support/store/test-store';

describe('the code of a damage reason', () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(() => data.cleanup());

  it('reads "empty" and "not JSON" from what the settings file reports', async () => {
    writeFileSync(join(data.dir, 'settings.json'), '');
    expect((await openSettings(data.dir)).notices[0]?.params.reasonCode).toBe('empty');
    writeFileSync(join(data.dir, 'settings.json'), '{"theme": ');
    expect((await openSettings(data.dir)).notices[0]?.params.reasonCode).toBe('not-json');
  });

  it('reads the reason the workspace list was rebuilt from what the store reports', async () => {
    const paths = storePaths(data.dir);
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.index, '{"schemaVersion": "x"}');
    const { store, notices } = await openTestStore(data.dir);
    await store.close();
    const rebuilt = notices.find((notice) => notice.type === 'index-rebuilt');
    expect(rebuilt && storeNoticeCode(rebuilt).params.reasonCode).toBe('schema');
  });

  it('knows each phrase the store and the settings file word their reasons with', () => {
    const phrases: Array<[string, string]> = [
      ['the file is empty', 'empty'],
      ['the file is not valid JSON (truncated or damaged)', 'not-json'],
      ['not an Eventscope workspace file (schemaVersion: expected number)', 'not-workspace'],
      ['schema check failed: endpoints.0.url: Required', 'schema'],
      ['the workspace id inside does not match the file name', 'id-mismatch'],
      ['after migrating from version 1: schema check failed: x', 'migration-failed'],
      ['migration from schema version 1 failed: boom', 'migration-failed'],
      ['saved by a newer Eventscope (format 9)', 'newer-version'],
      ['the index was missing', 'index-missing'],
      ['some settings had invalid values', 'invalid-values'],
      ['/d/settings.json is larger than 1 MiB', 'too-large'],
      ['/d/settings.json is a folder', 'not-regular-file'],
      ['/d/settings.json cannot be read (EACCES)', 'unreadable'],
      ['something nobody has seen yet', 'other'],
    ];
    for (const [reason, code] of phrases) expect(damageReasonCode(reason), reason).toBe(code);
    expect(new Set(phrases.map(([, code]) => code))).toEqual(new Set(DAMAGE_REASON_CODES));
  });
});
