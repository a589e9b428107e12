import { createAesGcmCipher, type Cipher } from '../../../electron/core/store';

/**
 * The cipher the store tests seal secrets with: AES-256-GCM (the product's own code) with a key
 * that is in the source. Fixed, so a second store or a child process in a test can open what
 * the first sealed. It lives here, not in electron/, because a key in the source is only ever
 * acceptable in a test.
 */

const KEY_BYTES = 32;
/** Sealed values in the store fixtures (electron/core/store/fixtures/) carry this prefix. */
const TEST_PREFIX = 'test-aes-gcm:';

export const TEST_CIPHER_KEY: Uint8Array = new Uint8Array(KEY_BYTES).map(
  (_, i) => (i * 7 + 3) & 0xff,
);

export interface TestCipherOptions {
  key?: Uint8Array;
  protection?: Cipher['protection'];
}

export function createTestCipher(options: TestCipherOptions = {}): Cipher {
  return createAesGcmCipher({
    key: options.key ?? TEST_CIPHER_KEY,
    protection: options.protection ?? 'os',
    prefix: TEST_PREFIX,
  });
}
