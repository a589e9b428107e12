import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BYTES_PATH, WAT_PATH, buildSizeScan, bytesModule } from './build-size-scan.mjs';
import { SIZE_SCAN_WASM_BASE64 } from '../../electron/core/sse/wasm/size-scan-bytes';

describe('the committed size-only scanner', () => {
  it('is the build of the committed .wat source, byte for byte', async () => {
    const built = await buildSizeScan(readFileSync(WAT_PATH, 'utf8'));
    expect(Buffer.from(SIZE_SCAN_WASM_BASE64, 'base64').equals(Buffer.from(built))).toBe(true);
    // The generated module as the build script writes it (prettier leaves it alone).
    expect(readFileSync(BYTES_PATH, 'utf8')).toBe(bytesModule(built));
  });
});
