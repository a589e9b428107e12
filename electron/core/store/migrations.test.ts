import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from './file-format';
import { MIGRATIONS, MigrationError, migrateWorkspace, type Migration } from './migrations';
import type { StoreNotice } from './notices';
import { storePaths } from './paths';
import { openTestStore, tempDataDir } from '../../../tests/support/store/test-store';

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (version: number) => join(FIXTURES, `v${version}.json`);
/** The secret sealed (with the test key) into every fixture. */
const FIXTURE_SECRET = 'fixture-secret-value';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

/** Puts a fixture in a fresh data directory as workspace id-1. */
function install(version: number): string {
  const paths = storePaths(data.dir);
  mkdirSync(paths.dir, { recursive: true });
  copyFileSync(fixture(version), paths.workspace('id-1'));
  return readFileSync(fixture(version), 'utf8');
}

/** A stand-in next version, to drive the store's migration path with a real fixture. */
const tagEverything: Migration = {
  from: CURRENT_SCHEMA_VERSION,
  description: 'test: tag every endpoint',
  migrate(workspace) {
    const w = workspace as { endpoints: Array<{ tags: string[] }> };
    return { ...w, endpoints: w.endpoints.map((e) => ({ ...e, tags: [...e.tags, 'migrated'] })) };
  },
};

describe('migrations', () => {
  it('has one migration per version step and a fixture file for every version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
    for (let version = 1; version <= CURRENT_SCHEMA_VERSION; version++) {
      expect(existsSync(fixture(version)), `fixtures/v${version}.json`).toBe(true);
    }
  });

  for (const migration of MIGRATIONS) {
    it(`migrates the version ${migration.from} fixture to a valid current workspace`, async () => {
      install(migration.from);
      const { store, notices } = await openTestStore(data.dir);
      expect(notices).toContainEqual(expect.objectContaining({ type: 'migrated' }));
      const loaded = await store.load('id-1');
      expect(loaded.workspace.variables.find((v) => v.name === 'token')?.value).toBe(
        FIXTURE_SECRET,
      );
      await store.close();
    });
  }

  it('loads the fixture of the current version with its secrets', async () => {
    install(CURRENT_SCHEMA_VERSION);
    const { store } = await openTestStore(data.dir);
    const loaded = await store.load('id-1');
    expect(loaded.notices).toEqual([]);
    expect(loaded.workspace.name).toBe(`Fixture v${CURRENT_SCHEMA_VERSION}`);
    expect(loaded.workspace.variables.find((v) => v.name === 'token')?.value).toBe(FIXTURE_SECRET);
    expect(loaded.workspace.endpoints.map((e) => e.name)).toEqual(['Chat', 'Stream']);
    await store.close();
  });

  it('keeps the variables of a version 1 workspace as workspace variables, with no environment', async () => {
    install(1);
    const { store } = await openTestStore(data.dir);
    const { workspace } = await store.load('id-1');
    expect(workspace.variables.map((v) => v.name)).toEqual(
      (
        JSON.parse(readFileSync(fixture(1), 'utf8')) as {
          workspace: { variables: Array<{ name: string }> };
        }
      ).workspace.variables.map((v) => v.name),
    );
    expect(workspace.environments).toEqual([]);
    expect(workspace.activeEnvironmentId).toBeNull();
    await store.close();
  });

  it('opens the sealed secrets of an environment', async () => {
    // Version 3 is the first with environments.
    install(3);
    const { store } = await openTestStore(data.dir);
    const { workspace } = await store.load('id-1');
    const staging = workspace.environments.find((e) => e.id === workspace.activeEnvironmentId);
    expect(staging?.name).toBe('Staging');
    expect(staging?.variables.find((v) => v.name === 'token')?.value).toBe(FIXTURE_SECRET);
    await store.close();
  });

  it('backs up the original bytes, then writes the migrated file and says so', async () => {
    const original = install(CURRENT_SCHEMA_VERSION);
    const schema = {
      version: CURRENT_SCHEMA_VERSION + 1,
      migrations: [...MIGRATIONS, tagEverything],
    };
    const { store, notices } = await openTestStore(data.dir, { schema });
    const migrated = notices.find((n) => n.type === 'migrated');
    expect(migrated).toMatchObject({
      workspaceId: 'id-1',
      fromVersion: CURRENT_SCHEMA_VERSION,
      toVersion: CURRENT_SCHEMA_VERSION + 1,
    });
    if (migrated?.type !== 'migrated') return;
    expect(readFileSync(migrated.backupFile, 'utf8')).toBe(original);
    const onDisk = JSON.parse(readFileSync(storePaths(data.dir).workspace('id-1'), 'utf8')) as {
      schemaVersion: number;
    };
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION + 1);
    const loaded = await store.load('id-1');
    expect(loaded.workspace.endpoints.every((e) => e.tags.includes('migrated'))).toBe(true);
    expect(loaded.workspace.variables.find((v) => v.name === 'token')?.value).toBe(FIXTURE_SECRET);
    await store.close();
  });

  it('treats a failing migration as damage and keeps the original bytes', async () => {
    const original = install(CURRENT_SCHEMA_VERSION);
    const broken: Migration = {
      ...tagEverything,
      migrate: () => {
        throw new Error('cannot');
      },
    };
    const notices: StoreNotice[] = [];
    const schema = { version: CURRENT_SCHEMA_VERSION + 1, migrations: [broken] };
    const opened = await openTestStore(data.dir, { schema });
    notices.push(...opened.notices);
    expect(notices).toMatchObject([
      { type: 'unrecoverable', workspaceId: 'id-1' },
      { type: 'index-rebuilt' },
    ]);
    const aside = readdirSync(storePaths(data.dir).dir).find((n) => n.includes('.corrupt-'));
    expect(readFileSync(join(storePaths(data.dir).dir, aside ?? ''), 'utf8')).toBe(original);
    await opened.store.close();
  });

  it('names the missing step when no migration leads on from a version', async () => {
    await expect(migrateWorkspace({}, 1, [], 3)).rejects.toThrow(MigrationError);
    await expect(migrateWorkspace({}, 1, [], 3)).rejects.toThrow(
      'no migration from schema version 1',
    );
    await expect(migrateWorkspace({ a: 1 }, 2, [], 2)).resolves.toEqual({ a: 1 });
  });
});
