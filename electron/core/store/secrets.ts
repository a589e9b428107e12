import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * How secret values are sealed before they touch the disk (docs/architecture.md, "Persistence and secrets").
 * electron/core never imports Electron: the app adapts `safeStorage` (its async API, base64 of
 * the returned buffer) to this interface in electron/main; tests use a fixed-key cipher from
 * tests/support/store/test-cipher.ts.
 */
export interface Cipher {
  encrypt(plain: string): Promise<string>;
  /** Rejects when the value cannot be opened (other key, other user, keyring locked). */
  decrypt(sealed: string): Promise<string>;
  /**
   * 'os': a keyring or OS service protects the key. 'none': anyone who can read the file can
   * read the value (safeStorage's `basic_text` backend on Linux without a keyring), so the store
   * keeps secrets for the session only unless the user agreed to store them anyway.
   */
  readonly protection: 'os' | 'none';
}

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface AesGcmCipherOptions {
  key: Uint8Array;
  protection: Cipher['protection'];
  /** Marks sealed values, so a value sealed some other way is refused, not mis-decrypted. */
  prefix: string;
}

/**
 * AES-256-GCM: the plaintext is not in the output and tampering is detected. How safe it is
 * depends entirely on where the key lives — the caller says so through `protection`.
 */
export function createAesGcmCipher(options: AesGcmCipherOptions): Cipher {
  const { key, prefix } = options;
  if (key.length !== KEY_BYTES) throw new Error(`an AES-256-GCM key has ${KEY_BYTES} bytes`);
  return {
    protection: options.protection,
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(sealed) {
      if (!sealed.startsWith(prefix)) throw new Error('not sealed by this cipher');
      const bytes = Buffer.from(sealed.slice(prefix.length), 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
      const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = bytes.subarray(IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}
