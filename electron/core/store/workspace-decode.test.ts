import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from './file-format';
import { createTestCipher } from '../../../tests/support/store/test-cipher';
import { tempDataDir } from '../../../tests/support/store/test-store';
import { readWorkspaceFile } from './workspace-decode';

const FIXTURE = join(__dirname, 'fixtures', `v${CURRENT_SCHEMA_VERSION}.json`);

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

describe('reading a workspace file outside the store', () => {
  it('opens a file anywhere with its secrets and changes nothing on disk', async () => {
    const file = join(data.dir, 'shared.json');
    const original = readFileSync(FIXTURE, 'utf8');
    writeFileSync(file, original);
    const result = await readWorkspaceFile(file, createTestCipher());
    expect(result.type).toBe('ok');
    if (result.type !== 'ok') return;
    expect(result.readOnly).toBe(false);
    expect(result.workspace.variables.find((v) => v.name === 'token')?.value).toBe(
      'fixture-secret-value',
    );
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readdirSync(data.dir)).toEqual(['shared.json']);
  });

  it('reports a damaged file without repairing or moving it', async () => {
    const file = join(data.dir, 'broken.json');
    writeFileSync(file, '{"format": "eventscope-workspace", "schemaVer');
    expect(await readWorkspaceFile(file, createTestCipher())).toEqual({
      type: 'unreadable',
      reason: 'the file is not valid JSON (truncated or damaged)',
    });
    expect(readdirSync(data.dir)).toEqual(['broken.json']);
  });

  it('opens a newer file read-only', async () => {
    const file = join(data.dir, 'newer.json');
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...fixture, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }));
    const result = await readWorkspaceFile(file, createTestCipher());
    expect(result).toMatchObject({ type: 'ok', readOnly: true });
  });
});
