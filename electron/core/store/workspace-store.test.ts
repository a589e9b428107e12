import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, WORKSPACE_FORMAT } from './file-format';
import { StoreError, type StoreNotice } from './notices';
import { storePaths } from './paths';
import {
  allFiles,
  openTestStore,
  sampleWorkspace,
  tempDataDir,
} from '../../../tests/support/store/test-store';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

const paths = () => storePaths(data.dir);
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Saves `name` as a new version and writes it. */
async function saveVersion(
  store: Awaited<ReturnType<typeof openTestStore>>['store'],
  name: string,
) {
  const current = await store.load('id-1').catch(() => null);
  const workspace = current ? current.workspace : sampleWorkspace();
  await store.save({ ...workspace, name });
  await store.flush();
}

describe('workspace store', () => {
  it('saves a workspace and loads it back unchanged in a new store', async () => {
    const { store } = await openTestStore(data.dir);
    const saved = await store.save(sampleWorkspace());
    await store.close();

    const reopened = await openTestStore(data.dir);
    expect(reopened.notices).toEqual([]);
    expect(reopened.store.list()).toEqual([
      { id: saved.id, name: 'Sample', updatedAt: saved.updatedAt },
    ]);
    const loaded = await reopened.store.load(saved.id);
    expect(loaded).toEqual({ workspace: saved, readOnly: false, notices: [] });
    await reopened.store.close();
  });

  it('writes one tagged, versioned file per workspace plus an index', async () => {
    const { store } = await openTestStore(data.dir);
    await store.save(sampleWorkspace());
    await store.save({ ...sampleWorkspace(), id: 'second', name: 'Second' });
    await store.close();
    expect(readdirSync(paths().dir).sort()).toEqual([
      'backups',
      'id-1.json',
      'index.json',
      'second.json',
    ]);
    expect(readJson(paths().workspace('second'))).toMatchObject({
      format: WORKSPACE_FORMAT,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      workspace: { id: 'second', name: 'Second' },
    });
    expect(readJson(paths().index)).toMatchObject({
      format: 'eventscope-workspace-index',
      workspaces: [{ id: 'id-1' }, { id: 'second' }],
    });
  });

  it.runIf(process.platform !== 'win32')(
    'keeps workspace files at mode 0600 and their directories at 0700',
    async () => {
      mkdirSync(join(data.dir, 'workspaces'), { mode: 0o755 });
      const { store } = await openTestStore(data.dir, { backupIntervalMs: 0 });
      await saveVersion(store, 'one');
      await saveVersion(store, 'two');
      await store.close();
      for (const dir of [paths().dir, paths().backupsDir]) {
        expect(statSync(dir).mode & 0o777, dir).toBe(0o700);
      }
      const files = allFiles(paths().dir);
      expect(files.length).toBe(3);
      for (const { path } of files) expect(statSync(path).mode & 0o777, path).toBe(0o600);
    },
  );

  it('coalesces saves and writes nothing until the debounce ends or a flush', async () => {
    const { store } = await openTestStore(data.dir);
    for (let i = 0; i < 20; i++) await store.save({ ...sampleWorkspace(), name: `v${i}` });
    expect(existsSync(paths().workspace('id-1'))).toBe(false);
    await store.flush('id-1');
    expect(readJson(paths().workspace('id-1'))).toMatchObject({ workspace: { name: 'v19' } });
    await store.close();
  });

  it('writes on its own once the debounce time has passed', async () => {
    const { store } = await openTestStore(data.dir, { saveDebounceMs: 10, saveMaxDelayMs: 50 });
    await store.save(sampleWorkspace());
    await expect.poll(() => existsSync(paths().workspace('id-1')), { timeout: 10_000 }).toBe(true);
    await store.close();
  });

  it('writes pending saves when closed', async () => {
    const { store } = await openTestStore(data.dir);
    await store.save({ ...sampleWorkspace(), name: 'last words' });
    await store.close();
    expect(readJson(paths().workspace('id-1'))).toMatchObject({
      workspace: { name: 'last words' },
    });
    await expect(store.load('id-1')).rejects.toMatchObject({ code: 'closed' });
  });

  it('refuses an invalid workspace and ids that are not file names', async () => {
    const { store } = await openTestStore(data.dir);
    await expect(store.save({ ...sampleWorkspace(), name: '' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(store.load('../etc/passwd')).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.load('missing')).rejects.toMatchObject({ code: 'not-found' });
    await store.close();
  });

  it('leaves no timer or handle behind once closed, even with a save pending', async () => {
    const timers = () =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'FSReqPromise')
        .length;
    const before = timers();
    const { store } = await openTestStore(data.dir);
    await store.save(sampleWorkspace());
    expect(timers()).toBeGreaterThan(before);
    await store.close();
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('stamps updatedAt on save and keeps createdAt', async () => {
    const { store } = await openTestStore(data.dir, {
      now: () => Date.parse('2026-05-06T07:08:09Z'),
    });
    const saved = await store.save(sampleWorkspace());
    expect(saved.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(saved.updatedAt).toBe('2026-05-06T07:08:09.000Z');
    await store.close();
  });

  it('moves a deleted workspace into backups and drops it from the list', async () => {
    const { store } = await openTestStore(data.dir);
    await saveVersion(store, 'doomed');
    await store.remove('id-1');
    await store.flush();
    expect(store.list()).toEqual([]);
    expect(existsSync(paths().workspace('id-1'))).toBe(false);
    const kept = readdirSync(paths().backupsDir);
    expect(kept).toHaveLength(1);
    expect(readJson(join(paths().backupsDir, kept[0] as string))).toMatchObject({
      workspace: { name: 'doomed' },
    });
    expect(readJson(paths().index)).toMatchObject({ workspaces: [] });
    await store.close();
  });

  it('backs up the previous version at most once per backup interval and keeps the newest few', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const { store } = await openTestStore(data.dir, {
      now: () => clock,
      backupIntervalMs: 1_000,
      backupsKept: 3,
    });
    for (let i = 0; i < 8; i++) {
      clock += 600; // every other save is past the interval
      await saveVersion(store, `v${i}`);
    }
    await store.close();
    const backups = readdirSync(paths().backupsDir).sort();
    expect(backups).toHaveLength(3);
    const names = backups.map(
      (b) =>
        (readJson(join(paths().backupsDir, b)) as { workspace: { name: string } }).workspace.name,
    );
    expect(names).toEqual(['v2', 'v4', 'v6']);
  });

  it('removes temp files left by a write that was killed, and nothing else', async () => {
    mkdirSync(join(data.dir, 'workspaces', 'backups'), { recursive: true });
    writeFileSync(join(data.dir, 'workspaces', 'id-1.json.123456'), '{"half":');
    writeFileSync(join(data.dir, 'workspaces', 'backups', 'id-1.2026.json.99'), '');
    writeFileSync(join(data.dir, 'workspaces', 'notes.txt'), 'mine');
    const { store } = await openTestStore(data.dir);
    expect(readdirSync(paths().dir).sort()).toEqual(['backups', 'index.json', 'notes.txt']);
    expect(readdirSync(paths().backupsDir)).toEqual([]);
    await store.close();
  });

  it('reports a failed write, keeps the change in memory and writes it on the next flush', async () => {
    const { store } = await openTestStore(data.dir);
    const notices: StoreNotice[] = [];
    store.onNotice((n) => notices.push(n));
    await store.save({ ...sampleWorkspace(), name: 'blocked' });
    // A directory where the file should go: the rename fails for real.
    mkdirSync(paths().workspace('id-1'));
    await expect(store.flush('id-1')).rejects.toBeDefined();
    rmdirSync(paths().workspace('id-1'));
    await store.flush('id-1');
    expect(readJson(paths().workspace('id-1'))).toMatchObject({ workspace: { name: 'blocked' } });
    await store.close();
  });

  it('reports a failed background write as a notice', async () => {
    const { store } = await openTestStore(data.dir, { saveDebounceMs: 5, saveMaxDelayMs: 5 });
    const notices: StoreNotice[] = [];
    store.onNotice((n) => notices.push(n));
    await store.save(sampleWorkspace());
    mkdirSync(paths().workspace('id-1'));
    await expect
      .poll(() => notices.find((n) => n.type === 'write-failed'), { timeout: 10_000 })
      .toMatchObject({ type: 'write-failed', workspaceId: 'id-1' });
    rmdirSync(paths().workspace('id-1'));
    await store.close();
    expect(readJson(paths().workspace('id-1'))).toMatchObject({ workspace: { name: 'Sample' } });
  });
});

describe('damaged files', () => {
  const damages: Array<[string, (text: string) => string]> = [
    ['empty', () => ''],
    ['truncated', (text) => text.slice(0, Math.floor(text.length / 2))],
    ['invalid JSON', (text) => text.replace('{', '{{')],
    ['failing the schema', (text) => text.replace('"endpoints"', '"endpointz"')],
    ['of another format', () => JSON.stringify({ format: 'something-else', schemaVersion: 1 })],
  ];

  for (const [kind, damage] of damages) {
    it(`sets a file that is ${kind} aside and restores the newest good backup, with a notice`, async () => {
      const first = await openTestStore(data.dir, { backupIntervalMs: 0 });
      await saveVersion(first.store, 'older');
      await saveVersion(first.store, 'newest');
      await first.store.close();
      const file = paths().workspace('id-1');
      const damaged = damage(readFileSync(file, 'utf8'));
      writeFileSync(file, damaged);

      const second = await openTestStore(data.dir);
      const loaded = await second.store.load('id-1');
      expect(loaded.workspace.name).toBe('older');
      const notice = loaded.notices[0];
      expect(notice).toMatchObject({ type: 'restored-from-backup', workspaceId: 'id-1' });
      if (notice?.type !== 'restored-from-backup') return;
      expect(readFileSync(notice.corruptFile, 'utf8')).toBe(damaged);
      expect(notice.corruptFile).toMatch(/id-1\.corrupt-[0-9TZ-]+\.json$/);
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(notice.backupFile, 'utf8'));
      await second.store.close();
    });
  }

  it('keeps a damaged file with no backup aside, reports it and never writes an empty one', async () => {
    const first = await openTestStore(data.dir);
    await saveVersion(first.store, 'only');
    await first.store.close();
    writeFileSync(paths().workspace('id-1'), '{"format":"eventscope-workspace",');

    const notices: StoreNotice[] = [];
    const second = await openTestStore(data.dir);
    second.store.onNotice((n) => notices.push(n));
    const error = await second.store.load('id-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'unrecoverable' });
    expect(notices).toMatchObject([{ type: 'unrecoverable', workspaceId: 'id-1' }]);
    expect(existsSync(paths().workspace('id-1'))).toBe(false);
    const aside = readdirSync(paths().dir).filter((n) => n.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(paths().dir, aside[0] as string), 'utf8')).toBe(
      '{"format":"eventscope-workspace",',
    );
    await second.store.flush();
    expect(second.store.list()).toEqual([]);
    await second.store.close();
  });

  it('rebuilds a damaged index from the workspace files and says so', async () => {
    const first = await openTestStore(data.dir);
    await saveVersion(first.store, 'listed');
    await first.store.close();
    writeFileSync(paths().index, '[1,');

    const second = await openTestStore(data.dir);
    expect(second.notices).toMatchObject([{ type: 'index-rebuilt' }]);
    expect(second.store.list()).toMatchObject([{ id: 'id-1', name: 'listed' }]);
    expect(readdirSync(paths().dir).some((n) => n.startsWith('index.corrupt-'))).toBe(true);
    expect(readJson(paths().index)).toMatchObject({ workspaces: [{ id: 'id-1' }] });
    await second.store.close();
  });

  it('lists files the index lost and forgets entries whose file is gone', async () => {
    const first = await openTestStore(data.dir);
    await saveVersion(first.store, 'kept');
    await first.store.save({ ...sampleWorkspace(), id: 'gone', name: 'Gone' });
    await first.store.close();
    const index = readJson(paths().index) as { workspaces: Array<{ id: string }> };
    writeFileSync(
      paths().index,
      JSON.stringify({ ...index, workspaces: index.workspaces.filter((w) => w.id !== 'id-1') }),
    );
    rmSync(paths().workspace('gone'));

    const second = await openTestStore(data.dir);
    expect(second.store.list().map((w) => w.id)).toEqual(['id-1']);
    await second.store.close();
  });
});

describe('files from a newer Eventscope', () => {
  function writeNewer(extra: Record<string, unknown> = {}, workspaceOverride?: unknown): string {
    const text = JSON.stringify({
      format: WORKSPACE_FORMAT,
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      workspace: workspaceOverride ?? { ...sampleWorkspace('x'), id: 'future', futureField: [1] },
      ...extra,
    });
    mkdirSync(paths().dir, { recursive: true });
    writeFileSync(paths().workspace('future'), text);
    return text;
  }

  it('opens them read-only with a message and never writes, moves or deletes them', async () => {
    const original = writeNewer();
    const { store, notices } = await openTestStore(data.dir);
    expect(notices).toContainEqual(
      expect.objectContaining({ type: 'newer-version', workspaceId: 'future', readable: true }),
    );
    const loaded = await store.load('future');
    expect(loaded.readOnly).toBe(true);
    expect(loaded.workspace.name).toBe('Sample');
    await expect(store.save(loaded.workspace)).rejects.toMatchObject({ code: 'read-only' });
    await expect(store.remove('future')).rejects.toMatchObject({ code: 'read-only' });
    await store.close();
    expect(readFileSync(paths().workspace('future'), 'utf8')).toBe(original);
    expect(readdirSync(paths().backupsDir)).toEqual([]);
  });

  it('leaves one it cannot read at all untouched and lists it by id', async () => {
    const original = writeNewer({}, { entirely: 'different' });
    const { store, notices } = await openTestStore(data.dir);
    expect(notices).toContainEqual(
      expect.objectContaining({ type: 'newer-version', readable: false }),
    );
    expect(store.list()).toMatchObject([{ id: 'future' }]);
    await expect(store.load('future')).rejects.toMatchObject({ code: 'read-only' });
    await expect(store.save({ ...sampleWorkspace(), id: 'future' })).rejects.toMatchObject({
      code: 'read-only',
    });
    await store.close();
    expect(readFileSync(paths().workspace('future'), 'utf8')).toBe(original);
  });
});
