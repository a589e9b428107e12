// `npm run pack:check`: packs the built app the way the installers do (electron-builder,
// --dir, with a stand-in Electron directory since the binary cannot be downloaded here) and
// verifies what ships: app.asar's contents and size, the fuses in the binary, that main's
// bundle needs no node_modules, that the CLI runs from the asar's files alone, and the deb's
// metadata. Exits non-zero with every problem listed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import type { Configuration } from 'electron-builder';
import { build, Platform } from 'electron-builder';
import { asarProblems, debProblems, externalRequires, fuseProblems } from './checks';
import { standInElectronDist } from './stand-in-electron';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  homepage?: string;
  description?: string;
  author?: string | { name?: string; email?: string };
  devDependencies: Record<string, string>;
};

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.[cm]?js$/.test(file))
    .map((file) => join(dir, file));
}

async function main(): Promise<number> {
  const results: Array<{ check: string; problems: string[] }> = [];
  const electronVersion = pkg.devDependencies.electron!;
  const output = mkdtempSync(join(tmpdir(), 'eventscope-pack-'));
  let resolved: Configuration | null = null;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      electronDist: standInElectronDist(electronVersion),
      electronVersion,
      directories: { output },
      afterPack: async (context) => {
        resolved = context.packager.config;
      },
    },
  });
  const appDir = join(output, 'linux-unpacked');
  const asar = join(appDir, 'resources', 'app.asar');

  const files = listPackage(asar, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  const asarBytes = statSync(asar).size;
  results.push({ check: 'app.asar contents and size', problems: asarProblems(files, asarBytes) });

  const wire = await getCurrentFuseWire(join(appDir, 'eventscope'));
  results.push({
    check: 'fuses',
    problems: fuseProblems(wire),
  });

  const bundled = [...jsFiles(join(root, 'out/main')), ...jsFiles(join(root, 'out/preload'))];
  results.push({
    check: 'main and preload bundles load nothing from node_modules',
    problems: bundled.flatMap((file) =>
      externalRequires(readFileSync(file, 'utf8')).map(
        (name) => `${file.slice(root.length + 1)} requires "${name}"`,
      ),
    ),
  });

  // The CLI from the asar's files alone, in a folder with no node_modules above it.
  const extracted = mkdtempSync(join(tmpdir(), 'eventscope-asar-'));
  extractAll(asar, extracted);
  const cliProblems: string[] = [];
  try {
    const { stdout } = await run(
      process.execPath,
      [join(extracted, 'out/main/cli.js'), '--version'],
      {
        cwd: extracted,
      },
    );
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    if (stdout.trim() !== version) cliProblems.push(`cli --version printed "${stdout.trim()}"`);
    const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-pack-data-'));
    const list = await run(
      process.execPath,
      [join(extracted, 'out/main/cli.js'), 'workspace', 'list', '--data-dir', dataDir, '--json'],
      { cwd: extracted },
    );
    JSON.parse(list.stdout);
  } catch (error) {
    cliProblems.push(`the CLI does not run from the asar: ${(error as Error).message}`);
  }
  results.push({ check: 'the CLI runs from app.asar', problems: cliProblems });

  const config = (resolved ?? {}) as Configuration;
  const linuxTargets = ([] as unknown[])
    .concat(config.linux?.target ?? [])
    .map((target) => (typeof target === 'string' ? target : (target as { target: string }).target));
  const appArmorProfile = config.deb?.appArmorProfile;
  results.push({
    check: 'deb metadata',
    problems: [
      ...debProblems({
        homepage: pkg.homepage,
        description: pkg.description,
        author: pkg.author,
        maintainer: config.linux?.maintainer,
        executableName: config.linux?.executableName,
        linuxTargets,
        appArmorProfile,
      }),
      ...(appArmorProfile && !existsSync(join(root, appArmorProfile))
        ? [`deb: AppArmor profile ${appArmorProfile} does not exist`]
        : []),
    ],
  });

  console.log('\npack:check');
  console.log(`  app.asar: ${files.length} entries, ${(asarBytes / 1024 / 1024).toFixed(2)} MB`);
  let failed = 0;
  for (const { check, problems } of results) {
    console.log(`  ${problems.length === 0 ? 'ok  ' : 'FAIL'} ${check}`);
    for (const problem of problems) console.log(`         ${problem}`);
    if (problems.length > 0) failed++;
  }
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
