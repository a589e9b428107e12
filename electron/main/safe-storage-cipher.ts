import type { SafeStorage } from 'electron';
import type { Cipher } from '../core/store/secrets';

/** Linux backends that do not actually protect the key (no keyring): see safeStorage docs. */
const UNPROTECTED_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

/**
 * Electron's safeStorage as the core's Cipher (docs/architecture.md, "Layer rules": the core gets Electron services
 * as injected interfaces). Uses the async API: the sync one is deprecated. Sealed values are
 * the base64 of safeStorage's buffer. Call after `app.whenReady()`.
 */
export async function createSafeStorageCipher(
  safeStorage: Pick<
    SafeStorage,
    | 'isAsyncEncryptionAvailable'
    | 'encryptStringAsync'
    | 'decryptStringAsync'
    | 'getSelectedStorageBackend'
  >,
  platform: NodeJS.Platform = process.platform,
): Promise<Cipher> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const backendProtects =
    platform !== 'linux' || !UNPROTECTED_BACKENDS.has(safeStorage.getSelectedStorageBackend());
  return {
    protection: available && backendProtects ? 'os' : 'none',
    encrypt: async (plain) => (await safeStorage.encryptStringAsync(plain)).toString('base64'),
    decrypt: async (sealed) =>
      (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
  };
}
