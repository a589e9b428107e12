import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CA_CERTIFICATES_BYTES } from '../../../shared/model/workspace';
import { chooseCaFile, type OpenFileDialog } from './ca-file-choice';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** The refusal's reason and params, as the page words them. */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return (error as { code?: string; detail?: unknown } | null)?.detail;
}

describe('the CA certificate chooser', () => {
  it('titles the native dialog in the words the page sent', async () => {
    const seen: Array<Parameters<OpenFileDialog>[0]> = [];
    const openFile: OpenFileDialog = (options) => {
      seen.push(options);
      return Promise.resolve(null);
    };
    const words = { title: '附加 CA 证书', certificates: '证书', allFiles: '所有文件' };
    expect(await chooseCaFile({ dialog: words }, openFile)).toEqual({ type: 'cancelled' });
    expect(seen[0]?.title).toBe('附加 CA 证书');
    expect(seen[0]?.filters.map((f) => f.name)).toEqual(['证书', '所有文件']);
  });

  it('refuses text without certificates, naming the file', async () => {
    expect(
      await refusal(chooseCaFile({ content: 'hello', fileName: 'notes.txt' }, undefined)),
    ).toEqual({
      reason: 'ca-no-certificate',
      params: { fileName: 'notes.txt' },
    });
  });

  it('refuses a file larger than the limit with the limit as a size', async () => {
    const content = 'x'.repeat(MAX_CA_CERTIFICATES_BYTES + 1);
    expect(await refusal(chooseCaFile({ content, fileName: 'big.pem' }, undefined))).toEqual({
      reason: 'ca-too-large',
      params: { fileName: 'big.pem', limit: MAX_CA_CERTIFICATES_BYTES },
    });
  });

  it('refuses a chosen path that cannot be read, by its file name', async () => {
    dir = mkdtempSync(join(tmpdir(), 'eventscope-ca-'));
    const missing = join(dir, 'gone.pem');
    expect(await refusal(chooseCaFile({}, () => Promise.resolve(missing)))).toEqual({
      reason: 'ca-unreadable',
      params: { fileName: 'gone.pem' },
    });
    // A folder is not a certificate file either.
    expect(await refusal(chooseCaFile({}, () => Promise.resolve(dir!)))).toMatchObject({
      reason: 'ca-unreadable',
    });
  });

  it('says web mode has no dialog with a reason the page words', async () => {
    expect(await refusal(chooseCaFile({}, undefined))).toEqual({ reason: 'ca-dialog-unavailable' });
  });
});
