import { cpSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BUILT_OUT = resolve('out');
export const BUILT_CLI = join(BUILT_OUT, 'main/cli.js');

export interface BuildSnapshot {
  /** The snapshot's `main/cli.js` (web mode). */
  cli: string;
  /** When the copied build was made (mtime of out/main/cli.js). */
  builtAt: string;
  dispose(): void;
}

/**
 * Copies out/ for the run. Other engineers build into the same out/ while the bench runs (it
 * happened: a rebuild landed mid-run), and each scenario starts web mode afresh — without a copy,
 * one run could measure two different apps. The copy sits under bench/results/ (gitignored) so
 * the bundle's external imports still resolve from the repository's node_modules.
 */
export function snapshotBuild(resultsDir: string, stamp: string): BuildSnapshot {
  const target = join(resultsDir, `.e2e-build-${stamp}`);
  const builtAt = statSync(BUILT_CLI).mtime.toISOString();
  cpSync(BUILT_OUT, target, { recursive: true });
  return {
    cli: join(target, 'main/cli.js'),
    builtAt,
    dispose: () => rmSync(target, { recursive: true, force: true }),
  };
}
