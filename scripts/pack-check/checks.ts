import { builtinModules } from 'node:module';

/** app.asar's size budget: what main needs is bundled, so whole packages must not creep in. */
export const ASAR_BUDGET_BYTES = 6 * 1024 * 1024;

/** Every fuse, in @electron/fuses' order (FuseV1Options), with the value the app ships with. */
export const EXPECTED_FUSES: ReadonlyArray<{ name: string; on: boolean }> = [
  { name: 'RunAsNode', on: false },
  { name: 'EnableCookieEncryption', on: true },
  { name: 'EnableNodeOptionsEnvironmentVariable', on: false },
  { name: 'EnableNodeCliInspectArguments', on: false },
  { name: 'EnableEmbeddedAsarIntegrityValidation', on: true },
  { name: 'OnlyLoadAppFromAsar', on: true },
  { name: 'LoadBrowserProcessSpecificV8Snapshot', on: false },
  // The window's page is a file:// URL; its module scripts need these privileges.
  { name: 'GrantFileProtocolExtraPrivileges', on: true },
];

/** '0'/'1' bytes as @electron/fuses writes them. */
const FUSE_OFF = 48;
const FUSE_ON = 49;

/** Problems with the packed file list: only out/ and package.json, no sources, maps or tests. */
export function asarProblems(files: readonly string[], sizeBytes: number): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (file === '/package.json' || file === '/out') continue;
    if (!file.startsWith('/out/')) problems.push(`unexpected file in app.asar: ${file}`);
    else if (/\.map$/.test(file)) problems.push(`source map in app.asar: ${file}`);
    else if (/\.(ts|mts|cts|tsx|vue)$/.test(file) && !file.endsWith('.d.ts'))
      problems.push(`source file in app.asar: ${file}`);
    else if (/\.(test|spec)\.[cm]?js$/.test(file) || /\/(tests?|__tests__)\//.test(file))
      problems.push(`test file in app.asar: ${file}`);
  }
  for (const required of [
    '/package.json',
    '/out/main/index.js',
    '/out/main/cli.js',
    '/out/preload/index.js',
    '/out/renderer/index.html',
  ]) {
    if (!files.includes(required)) problems.push(`missing from app.asar: ${required}`);
  }
  if (sizeBytes > ASAR_BUDGET_BYTES)
    problems.push(
      `app.asar is ${(sizeBytes / 1024 / 1024).toFixed(2)} MB, over the ${ASAR_BUDGET_BYTES / 1024 / 1024} MB budget`,
    );
  return problems;
}

/** Problems with the fuse wire read back from the packed binary (byte per fuse). */
export function fuseProblems(wire: Readonly<Partial<Record<number, number>>>): string[] {
  return EXPECTED_FUSES.flatMap(({ name, on }, index) => {
    const state = wire[index];
    const expected = on ? FUSE_ON : FUSE_OFF;
    if (state === expected) return [];
    const actual = state === FUSE_ON ? 'on' : state === FUSE_OFF ? 'off' : `state ${state}`;
    return [`fuse ${name} is ${actual}, expected ${on ? 'on' : 'off'}`];
  });
}

/**
 * Modules a bundled main-process file still loads at run time. Only Node's built-ins,
 * `electron` and the bundle's own chunks may remain: app.asar carries no node_modules.
 */
export function externalRequires(code: string): string[] {
  const builtins = new Set(builtinModules);
  const found = new Set<string>();
  for (const match of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    const name = match[1]!;
    if (name.startsWith('.') || name === 'electron') continue;
    const bare = name.replace(/^node:/, '');
    if (builtins.has(bare) || name.startsWith('node:')) continue;
    found.add(name);
  }
  return [...found].sort();
}

export interface DebMetadata {
  homepage?: string;
  description?: string;
  author?: string | { name?: string; email?: string };
  maintainer?: string | null;
  executableName?: string | null;
  linuxTargets: string[];
  appArmorProfile?: string | null;
}

/** What electron-builder's deb target refuses to build without, and what we promise users. */
export function debProblems(meta: DebMetadata): string[] {
  const problems: string[] = [];
  const authorEmail = typeof meta.author === 'object' ? meta.author.email : undefined;
  if (!meta.homepage) problems.push('deb: package.json has no homepage');
  if (!meta.description) problems.push('deb: package.json has no description');
  if (!meta.maintainer && !authorEmail)
    problems.push('deb: no linux.maintainer and no author email in package.json');
  if (meta.maintainer && !/<[^@>\s]+@[^>\s]+>/.test(meta.maintainer))
    problems.push(`deb: maintainer "${meta.maintainer}" has no <email>`);
  if (meta.executableName !== 'eventscope')
    problems.push('linux: executableName must be "eventscope" (the installed command)');
  for (const target of ['AppImage', 'deb', 'tar.gz'])
    if (!meta.linuxTargets.includes(target)) problems.push(`linux: no ${target} target`);
  if (!meta.appArmorProfile) problems.push('deb: no AppArmor profile');
  return problems;
}
