import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, retryOnLock, writeFileDurable } from './durable-write';
import { tempDataDir } from '../../../tests/support/store/test-store';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

const lockError = (code: string) => Object.assign(new Error(`${code}: locked`), { code });

describe('durable writes', () => {
  it('replaces a file whole and leaves no temp file behind', async () => {
    const file = join(data.dir, 'a.json');
    writeFileSync(file, 'old');
    await writeFileDurable(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(data.dir)).toEqual(['a.json']);
  });

  it.runIf(process.platform !== 'win32')(
    'creates files 0600 and makes an existing directory 0700',
    async () => {
      const dir = join(data.dir, 'open');
      await ensurePrivateDir(dir);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const file = join(dir, 'x.json');
      writeFileSync(file, '', { mode: 0o644 });
      await writeFileDurable(file, '{}');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    },
  );

  it('retries with backoff while the file is locked (EPERM, EBUSY, EACCES), then succeeds', async () => {
    const waits: number[] = [];
    const codes = ['EBUSY', 'EPERM', 'EACCES'];
    let calls = 0;
    const result = await retryOnLock(
      async () => {
        const code = codes[calls++];
        if (code) throw lockError(code);
        return 'written';
      },
      [10, 20, 40, 80],
      async (ms) => void waits.push(ms),
    );
    expect(result).toBe('written');
    expect(waits).toEqual([10, 20, 40]);
  });

  it('gives up with the last lock error once the delays are used up', async () => {
    const waits: number[] = [];
    await expect(
      retryOnLock(
        async () => {
          throw lockError('EBUSY');
        },
        [1, 2],
        async (ms) => void waits.push(ms),
      ),
    ).rejects.toMatchObject({ code: 'EBUSY' });
    expect(waits).toEqual([1, 2]);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      retryOnLock(
        async () => {
          calls++;
          throw lockError('ENOSPC');
        },
        [1, 2, 3],
        async () => undefined,
      ),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(calls).toBe(1);
  });
});
