import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import {
  ASAR_BUDGET_BYTES,
  asarProblems,
  debProblems,
  EXPECTED_FUSES,
  externalRequires,
  fuseProblems,
} from './checks';
import { standInElectronDist } from './stand-in-electron';

const SHIPPED = [
  '/package.json',
  '/out',
  '/out/main/index.js',
  '/out/main/cli.js',
  '/out/main/chunks/program-abc.js',
  '/out/preload/index.js',
  '/out/renderer/index.html',
  '/out/renderer/assets/index-abc.js',
];

describe('the pack check of app.asar', () => {
  it('accepts the built app alone within the budget', () => {
    expect(asarProblems(SHIPPED, 2 * 1024 * 1024)).toEqual([]);
  });

  it('rejects node_modules, sources, maps and tests', () => {
    const problems = asarProblems(
      [
        ...SHIPPED,
        '/node_modules/zod/package.json',
        '/out/main/index.js.map',
        '/out/renderer/App.vue',
        '/electron/main/index.ts',
        '/out/main/index.test.js',
      ],
      1024,
    );
    expect(problems).toEqual([
      'unexpected file in app.asar: /node_modules/zod/package.json',
      'source map in app.asar: /out/main/index.js.map',
      'source file in app.asar: /out/renderer/App.vue',
      'unexpected file in app.asar: /electron/main/index.ts',
      'test file in app.asar: /out/main/index.test.js',
    ]);
  });

  it('rejects an asar over the size budget and one missing an entry point', () => {
    const problems = asarProblems(
      SHIPPED.filter((file) => file !== '/out/main/cli.js'),
      ASAR_BUDGET_BYTES + 1,
    );
    expect(problems).toEqual([
      'missing from app.asar: /out/main/cli.js',
      expect.stringMatching(/over the 6 MB budget/),
    ]);
  });
});

describe('the pack check of the fuses', () => {
  it('reads back what @electron/fuses flipped in the stand-in binary', async () => {
    const binary = join(mkdtempSync(join(tmpdir(), 'eventscope-fuses-')), 'electron');
    copyFileSync(join(standInElectronDist('45.5.0'), 'electron'), binary);
    expect(fuseProblems(await getCurrentFuseWire(binary))).toEqual([
      'fuse RunAsNode is on, expected off',
      'fuse EnableCookieEncryption is off, expected on',
      'fuse EnableNodeOptionsEnvironmentVariable is on, expected off',
      'fuse EnableNodeCliInspectArguments is on, expected off',
      'fuse EnableEmbeddedAsarIntegrityValidation is off, expected on',
      'fuse OnlyLoadAppFromAsar is off, expected on',
    ]);
    await flipFuses(binary, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    expect(fuseProblems(await getCurrentFuseWire(binary))).toEqual([]);
  });

  it('names the fuses in the order @electron/fuses numbers them', () => {
    expect(
      EXPECTED_FUSES.map(({ name }) => FuseV1Options[name as keyof typeof FuseV1Options]),
    ).toEqual(EXPECTED_FUSES.map((_, index) => index));
  });
});

describe('the pack check of main’s bundle', () => {
  it('lets built-ins, electron and the bundle’s own chunks through and names any package', () => {
    const code = [
      'require("node:fs")',
      "require('path')",
      'require("electron")',
      'require("./chunks/program-abc.js")',
      'require("zod")',
      'require("@scope/pkg/sub")',
    ].join(';');
    expect(externalRequires(code)).toEqual(['@scope/pkg/sub', 'zod']);
  });
});

describe('the pack check of the deb metadata', () => {
  const complete = {
    homepage: 'https://eventscope.dev',
    description: 'Watch SSE.',
    author: { name: 'Eventscope authors', email: 'maintainers@eventscope.dev' },
    maintainer: 'Eventscope authors <maintainers@eventscope.dev>',
    executableName: 'eventscope',
    linuxTargets: ['AppImage', 'deb', 'tar.gz'],
    appArmorProfile: 'build/linux/apparmor-profile',
  };

  it('accepts complete metadata', () => {
    expect(debProblems(complete)).toEqual([]);
  });

  it('rejects an author without email when no maintainer is set (electron-builder fails then)', () => {
    expect(debProblems({ ...complete, maintainer: null, author: 'Eventscope authors' })).toEqual([
      'deb: no linux.maintainer and no author email in package.json',
    ]);
  });

  it('rejects a missing homepage, command name, target or AppArmor profile', () => {
    expect(
      debProblems({
        ...complete,
        homepage: undefined,
        executableName: 'Eventscope',
        linuxTargets: ['AppImage'],
        appArmorProfile: null,
      }),
    ).toEqual([
      'deb: package.json has no homepage',
      'linux: executableName must be "eventscope" (the installed command)',
      'linux: no deb target',
      'linux: no tar.gz target',
      'deb: no AppArmor profile',
    ]);
  });
});
