import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnServe } from '../../support/web/serve-child';

export const BUILT_CLI = resolve('out/main/cli.js');

export interface RunningWebMode {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface WebModeOptions {
  /** Writes files into the fresh data directory before the app starts (e.g. damaged ones). */
  prepareDataDir?: (dataDir: string) => void;
}

/** Starts the built `eventscope serve --port 0` as a real child process and reads its URL. */
export async function startWebMode(options: WebModeOptions = {}): Promise<RunningWebMode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-data-'));
  options.prepareDataDir?.(dataDir);
  const { process: child, url } = await spawnServe(BUILT_CLI, dataDir);
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
