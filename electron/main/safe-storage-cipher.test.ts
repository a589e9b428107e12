import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher } from './safe-storage-cipher';

// safeStorage is Electron's (no binary here): a reversible stand-in records the calls.
function fakeSafeStorage(backend: string, available = true) {
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend as 'basic_text',
    encryptStringAsync: async (plain: string) => Buffer.from(`enc:${plain}`),
    decryptStringAsync: async (buffer: Buffer) => ({
      result: buffer.toString().replace(/^enc:/, ''),
      shouldReEncrypt: false,
    }),
  };
}

describe('the safeStorage cipher', () => {
  it('round-trips a value through base64 of the sealed buffer', async () => {
    const cipher = await createSafeStorageCipher(fakeSafeStorage('gnome_libsecret'), 'linux');
    const sealed = await cipher.encrypt('sk-secret');
    expect(sealed).toBe(Buffer.from('enc:sk-secret').toString('base64'));
    expect(await cipher.decrypt(sealed)).toBe('sk-secret');
    expect(cipher.protection).toBe('os');
  });

  it('reports no protection on Linux without a keyring (basic_text) or when unavailable', async () => {
    expect((await createSafeStorageCipher(fakeSafeStorage('basic_text'), 'linux')).protection).toBe(
      'none',
    );
    expect(
      (await createSafeStorageCipher(fakeSafeStorage('kwallet6', false), 'linux')).protection,
    ).toBe('none');
    expect((await createSafeStorageCipher(fakeSafeStorage('unknown'), 'darwin')).protection).toBe(
      'os',
    );
  });
});
