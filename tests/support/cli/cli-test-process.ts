import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs the real CLI in a child process, as a user would (`node --import tsx electron/cli/index.ts`),
 * for the black-box tests of `eventscope watch` and `demo-server`. Used by tests only.
 */

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = 'electron/cli/index.ts';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves once stdout (so far) satisfies `check`; rejects if the process ends first. */
  waitForStdout(check: (stdout: string) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the process has exited and both pipes are drained. */
  exited: Promise<CliResult>;
}

export function startCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string | Buffer } = {},
): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  // The child may exit before reading stdin; that EPIPE is not the test's concern.
  child.stdin.on('error', () => undefined);
  if (options.stdin !== undefined) child.stdin.end(options.stdin);
  else child.stdin.end();

  const exited = new Promise<CliResult>((resolveExit) => {
    child.on('close', (code, signal) => {
      for (const listener of listeners) listener();
      resolveExit({ code, signal, stdout, stderr });
    });
  });
  let ended = false;
  void exited.then(() => (ended = true));

  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitForStdout(check, timeoutMs = 15_000) {
      return new Promise<void>((resolveWait, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`timed out waiting for stdout; got:\n${stdout}\nstderr:\n${stderr}`));
        }, timeoutMs);
        const listener = (): void => {
          if (check(stdout)) {
            clearTimeout(timer);
            listeners.delete(listener);
            resolveWait();
          } else if (ended) {
            clearTimeout(timer);
            listeners.delete(listener);
            reject(new Error(`process ended first; stdout:\n${stdout}\nstderr:\n${stderr}`));
          }
        };
        listeners.add(listener);
        listener();
      });
    },
  };
}

export function runCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string | Buffer } = {},
): Promise<CliResult> {
  return startCli(args, options).exited;
}

/** The stdout jsonl lines, parsed. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
