import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BUILT_CLI = resolve('out/main/cli.js');

export interface RunningWebMode {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** How long the built CLI may take to print its URL on a loaded 2-core machine. */
const STARTUP_TIMEOUT_MS = 30_000;

export interface WebModeOptions {
  /** Writes files into the fresh data directory before the app starts (e.g. damaged ones). */
  prepareDataDir?: (dataDir: string) => void;
}

/** Starts the built `eventscope serve --port 0` as a real child process and reads its URL. */
export function startWebMode(options: WebModeOptions = {}): Promise<RunningWebMode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-data-'));
  options.prepareDataDir?.(dataDir);
  const child = spawn(process.execPath, [BUILT_CLI, 'serve', '--port', '0'], {
    env: { ...process.env, EVENTSCOPE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`eventscope serve printed no URL within ${STARTUP_TIMEOUT_MS} ms:\n${output}`),
      );
    }, STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\//.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolvePromise({
        url: match[0],
        dataDir,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`eventscope serve exited with ${code} before printing a URL:\n${output}`));
    });
  });
}
