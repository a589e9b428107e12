import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../shared/model/workspace';
import type { StoreNotice } from './notices';
import { storePaths } from './paths';
import { createTestCipher } from '../../../tests/support/store/test-cipher';
import {
  SEEDED_SECRET,
  allFiles,
  findLeaks,
  leakForms,
  openTestStore,
  sampleWorkspace,
  tempDataDir,
} from '../../../tests/support/store/test-store';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

const otherKey = new Uint8Array(32).fill(9);

describe('test cipher', () => {
  it('round-trips text without the plaintext in its output', async () => {
    const cipher = createTestCipher();
    const sealed = await cipher.encrypt(SEEDED_SECRET);
    expect(leakForms(SEEDED_SECRET).some((form) => sealed.includes(form))).toBe(false);
    expect(await cipher.decrypt(sealed)).toBe(SEEDED_SECRET);
    expect(await cipher.encrypt(SEEDED_SECRET)).not.toBe(sealed);
  });

  it('rejects a value sealed with another key or tampered with', async () => {
    const sealed = await createTestCipher().encrypt('x');
    await expect(createTestCipher({ key: otherKey }).decrypt(sealed)).rejects.toThrow();
    // Flip a bit of the ciphertext's last byte itself: swapping the last base64 character
    // before '=' may change only its unused low bits, which decode to the same bytes
    // (RFC 4648 §3.5), so such a "tampered" value would still open.
    // Each seal has a fresh IV, so many seals cover every last character.
    for (let i = 0; i < 64; i++) {
      const again = await createTestCipher().encrypt('x');
      const prefix = again.slice(0, again.indexOf(':') + 1);
      const bytes = Buffer.from(again.slice(prefix.length), 'base64');
      bytes[bytes.length - 1]! ^= 0x01;
      const flipped = prefix + bytes.toString('base64');
      expect(flipped).not.toBe(again);
      await expect(createTestCipher().decrypt(flipped)).rejects.toThrow();
    }
  });
});

describe('secrets in the store', () => {
  it('has a leak scan that finds a planted secret in each of its forms', () => {
    for (const [i, form] of leakForms(SEEDED_SECRET).entries()) {
      writeFileSync(`${data.dir}/planted-${i}.txt`, `prefix ${form} suffix`);
    }
    const leaks = findLeaks(data.dir, SEEDED_SECRET);
    for (const i of leakForms(SEEDED_SECRET).keys()) {
      expect(
        leaks.some((leak) => leak.includes(`planted-${i}.txt`)),
        `form ${i}`,
      ).toBe(true);
    }
  });

  it('writes the seeded secret in no file: workspace, backups, index or corrupt copies', async () => {
    const notices: StoreNotice[] = [];
    const first = await openTestStore(data.dir, { backupIntervalMs: 0 });
    first.store.onNotice((n) => notices.push(n));
    await first.store.save(sampleWorkspace());
    await first.store.flush();
    const loaded = await first.store.load('id-1');
    await first.store.save({ ...loaded.workspace, name: 'renamed' });
    await first.store.flush();
    await first.store.close();
    // Damage the file so the store writes a corrupt copy and restores a backup.
    const file = storePaths(data.dir).workspace('id-1');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));
    const second = await openTestStore(data.dir);
    second.store.onNotice((n) => notices.push(n));
    const restored = await second.store.load('id-1');
    expect(restored.notices[0]?.type).toBe('restored-from-backup');
    await second.store.remove('id-1');
    await second.store.close();

    const files = allFiles(data.dir).map((f) => f.path);
    expect(files.some((f) => f.includes('.corrupt-'))).toBe(true);
    expect(files.some((f) => f.includes('backups'))).toBe(true);
    expect(findLeaks(data.dir, SEEDED_SECRET)).toEqual([]);
    expect(JSON.stringify([...notices, ...restored.notices])).not.toContain(SEEDED_SECRET);
  });

  it('gives the secrets back in plain text on load, with the sensitive headers sealed', async () => {
    const first = await openTestStore(data.dir);
    await first.store.save(sampleWorkspace());
    await first.store.close();
    const onDisk = JSON.parse(readFileSync(storePaths(data.dir).workspace('id-1'), 'utf8')) as {
      workspace: { endpoints: Array<{ headers: Array<{ name: string; value: unknown }> }> };
    };
    expect(onDisk.workspace.endpoints[0]?.headers.map((h) => [h.name, typeof h.value])).toEqual([
      ['Authorization', 'object'],
      ['X-Api-Key', 'object'],
      ['X-Trace', 'string'],
    ]);
    const second = await openTestStore(data.dir);
    expect((await second.store.load('id-1')).workspace).toMatchObject(
      withoutTimestamps(sampleWorkspace()),
    );
    await second.store.close();
  });

  it('marks values it cannot decrypt as re-enter, still loads, and keeps them sealed on disk', async () => {
    const first = await openTestStore(data.dir);
    await first.store.save(sampleWorkspace());
    await first.store.close();

    const foreign = await openTestStore(data.dir, {
      cipher: createTestCipher({ key: otherKey }),
    });
    const loaded = await foreign.store.load('id-1');
    const token = loaded.workspace.variables.find((v) => v.name === 'token');
    expect(token).toEqual({ name: 'token', value: '', secret: true, reenter: 'decrypt-failed' });
    expect(loaded.workspace.endpoints[0]?.headers[0]).toMatchObject({
      name: 'Authorization',
      value: '',
      reenter: 'decrypt-failed',
    });
    expect(loaded.workspace.variables.find((v) => v.name === 'base')?.value).toBe(
      'http://127.0.0.1:8080',
    );
    expect(loaded.notices).toMatchObject([
      {
        type: 'secrets-need-reentry',
        fields: [
          { label: 'Chat › header Authorization', issue: 'decrypt-failed' },
          { label: 'Chat › header X-Api-Key', issue: 'decrypt-failed' },
          { label: 'Chat › proxy', issue: 'decrypt-failed' },
          { label: '{{token}}', issue: 'decrypt-failed' },
        ],
      },
    ]);
    // An unrelated edit must not wipe the values the right key can still open.
    await foreign.store.save({ ...loaded.workspace, name: 'edited elsewhere' });
    await foreign.store.close();

    const home = await openTestStore(data.dir);
    const back = await home.store.load('id-1');
    expect(back.notices).toEqual([]);
    expect(back.workspace.name).toBe('edited elsewhere');
    expect(back.workspace.variables.find((v) => v.name === 'token')?.value).toBe(SEEDED_SECRET);
    await home.store.close();
  });

  it('replaces a value that could not be decrypted once the user types a new one', async () => {
    const first = await openTestStore(data.dir);
    await first.store.save(sampleWorkspace());
    await first.store.close();
    const foreign = await openTestStore(data.dir, {
      cipher: createTestCipher({ key: otherKey }),
    });
    const { workspace } = await foreign.store.load('id-1');
    const variables = workspace.variables.map((v) =>
      v.name === 'token' ? { name: 'token', value: 'new-token', secret: true } : v,
    );
    await foreign.store.save({ ...workspace, variables });
    await foreign.store.close();
    const again = await openTestStore(data.dir, { cipher: createTestCipher({ key: otherKey }) });
    const reloaded = await again.store.load('id-1');
    expect(reloaded.workspace.variables.find((v) => v.name === 'token')).toEqual({
      name: 'token',
      value: 'new-token',
      secret: true,
    });
    await again.store.close();
  });

  describe('without OS protection', () => {
    const unprotected = () => createTestCipher({ protection: 'none' });

    it('keeps secrets for the session only unless the user agreed, and says so', async () => {
      const notices: StoreNotice[] = [];
      const first = await openTestStore(data.dir, { cipher: unprotected() });
      first.store.onNotice((n) => notices.push(n));
      await first.store.save(sampleWorkspace());
      await first.store.flush();
      expect(notices).toMatchObject([
        {
          type: 'secrets-not-saved',
          fields: [
            'Chat › header Authorization',
            'Chat › header X-Api-Key',
            'Chat › proxy',
            '{{token}}',
          ],
        },
      ]);
      expect(findLeaks(data.dir, SEEDED_SECRET)).toEqual([]);
      // Within the session the values are still there.
      const same = await first.store.load('id-1');
      expect(same.workspace.variables.find((v) => v.name === 'token')?.value).toBe(SEEDED_SECRET);
      // And a later write of the same session keeps them in memory, not on disk.
      await first.store.save({ ...same.workspace, name: 'second write' });
      await first.store.close();
      expect(findLeaks(data.dir, SEEDED_SECRET)).toEqual([]);

      const next = await openTestStore(data.dir, { cipher: unprotected() });
      const loaded = await next.store.load('id-1');
      expect(loaded.workspace.variables.find((v) => v.name === 'token')).toMatchObject({
        value: '',
        reenter: 'not-saved',
      });
      expect(loaded.notices).toMatchObject([{ type: 'secrets-need-reentry' }]);
      await next.store.close();
    });

    it('stores them through the cipher once the user agrees to unprotected storage', async () => {
      const first = await openTestStore(data.dir, { cipher: unprotected() });
      await first.store.save(sampleWorkspace());
      await first.store.flush();
      first.store.setAllowUnprotectedSecrets(true);
      await first.store.close();
      expect(findLeaks(data.dir, SEEDED_SECRET)).toEqual([]);
      const text = readFileSync(storePaths(data.dir).workspace('id-1'), 'utf8');
      expect(text).toContain('"protection": "none"');

      const next = await openTestStore(data.dir, { cipher: unprotected() });
      const loaded = await next.store.load('id-1');
      expect(loaded.notices).toEqual([]);
      expect(loaded.workspace.variables.find((v) => v.name === 'token')?.value).toBe(SEEDED_SECRET);
      await next.store.close();
    });
  });
});

function withoutTimestamps(workspace: Workspace): Omit<Workspace, 'updatedAt'> {
  const { updatedAt: _updatedAt, ...rest } = workspace;
  return rest;
}

describe('secrets of environments', () => {
  it('seals a secret environment variable on disk and opens it again on the next start', async () => {
    const workspace = sampleWorkspace();
    workspace.environments = [
      {
        id: 'staging',
        name: 'Staging',
        variables: [
          { name: 'base', value: 'https://staging.example', secret: false },
          { name: 'token', value: SEEDED_SECRET, secret: true },
        ],
      },
    ];
    workspace.activeEnvironmentId = 'staging';
    const first = await openTestStore(data.dir, {
      backupIntervalMs: 0,
      allowUnprotectedSecrets: true,
    });
    await first.store.save(workspace);
    await first.store.close();
    expect(findLeaks(data.dir, SEEDED_SECRET)).toEqual([]);
    expect(readFileSync(storePaths(data.dir).workspace(workspace.id), 'utf8')).toContain(
      'https://staging.example',
    );

    const second = await openTestStore(data.dir);
    const { workspace: loaded } = await second.store.load(workspace.id);
    expect(loaded.activeEnvironmentId).toBe('staging');
    expect(loaded.environments[0]?.variables).toEqual(workspace.environments[0]?.variables);
    await second.store.close();
  });
});
