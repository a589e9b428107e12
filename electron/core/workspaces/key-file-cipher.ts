import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cipher } from '../store';
import { createAesGcmCipher } from '../store';
import { ensurePrivateDir, writeFileDurable } from '../store/durable-write';

const KEY_FILE = 'secrets.key';
const KEY_BYTES = 32;

/**
 * The cipher of web mode and the CLI, where Electron's safeStorage does not exist: AES-256-GCM
 * with a random key kept in the data directory (mode 0600). Anyone who can read the data
 * directory can read the key, so it reports `protection: 'none'` — secrets then live for the
 * session only unless the user agrees to store them (docs/architecture.md, "Persistence and secrets").
 */
export async function openKeyFileCipher(dataDir: string): Promise<Cipher> {
  const path = join(dataDir, KEY_FILE);
  let key: Buffer;
  try {
    key = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`${path} does not hold a ${KEY_BYTES}-byte key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    key = randomBytes(KEY_BYTES);
    await ensurePrivateDir(dataDir);
    await writeFileDurable(path, `${key.toString('base64')}\n`);
  }
  return createAesGcmCipher({ key, protection: 'none', prefix: 'aes-gcm-keyfile:' });
}
