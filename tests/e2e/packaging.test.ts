import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';

const run = promisify(execFile);

/**
 * electron-builder cannot download Electron here, so its configuration is checked by packing
 * the built app into a stand-in Electron directory (`--dir`, no installer). This proves the
 * config, the file list and the asar contents; real installers are the installers issue's.
 */
function standInElectron(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eventscope-electron-standin-'));
  mkdirSync(join(dir, 'resources'));
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), packageJson.devDependencies.electron);
  return dir;
}

describe('the electron-builder configuration', () => {
  it('packs the built app with its runtime dependencies and no dev tooling', async () => {
    const output = mkdtempSync(join(tmpdir(), 'eventscope-pack-'));
    await run(
      process.execPath,
      [
        'node_modules/electron-builder/cli.js',
        '--linux',
        '--dir',
        `-c.electronDist=${standInElectron()}`,
        `-c.electronVersion=${packageJson.devDependencies.electron}`,
        `-c.directories.output=${output}`,
      ],
      { env: { ...process.env, CI: 'true' }, timeout: 120_000 },
    );
    const asar = join(output, 'linux-unpacked', 'resources', 'app.asar');
    expect(existsSync(asar)).toBe(true);
    expect(existsSync(join(output, 'linux-unpacked', 'eventscope'))).toBe(true);

    const { stdout } = await run(
      process.execPath,
      ['node_modules/@electron/asar/bin/asar.js', 'list', asar],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const files = new Set(stdout.split('\n').map((line) => line.trim()));
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ]) {
      expect(files, file).toContain(file);
    }
    const modules = new Set(
      [...files].map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean),
    );
    for (const runtime of Object.keys(packageJson.dependencies))
      expect(modules, runtime).toContain(runtime);
    for (const tooling of ['electron', 'vite', 'vitest', 'vue', 'typescript', 'playwright-core']) {
      expect(modules, tooling).not.toContain(tooling);
    }
  });
});
