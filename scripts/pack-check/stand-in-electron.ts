import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @electron/fuses finds the fuse wire after this sentinel in the Electron binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron 45's fuse wire as shipped (version 1, eight fuses, '1' = on, '0' = off): RunAsNode on,
 * cookie encryption off, NODE_OPTIONS on, inspect arguments on, asar integrity off, only-asar
 * off, browser V8 snapshot off, file:// privileges on.
 */
export const SHIPPED_FUSE_WIRE = '10110001';

/**
 * A directory shaped like an unpacked Linux Electron release, for electron-builder's
 * `electronDist`: the real binary cannot be downloaded on our machines. Its `electron` is a
 * shell script carrying a real fuse wire, so the fuses electron-builder flips can be read back.
 */
export function standInElectronDist(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'eventscope-electron-standin-'));
  mkdirSync(join(dir, 'resources'));
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'chrome-sandbox'), '');
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stand-in for the Electron binary"\nexit 0\n# `),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, SHIPPED_FUSE_WIRE.length]),
    Buffer.from(SHIPPED_FUSE_WIRE, 'ascii'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  return dir;
}
