import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LoadServerMessage } from './messages';
import { isChildMessage } from './messages';

/** How long a child may take to listen on a loaded 2-core machine. */
const STARTUP_TIMEOUT_MS = 30_000;

export interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        done();
      });
      child.kill('SIGTERM');
    });
}

/**
 * Forks one of this folder's TypeScript files through tsx with an IPC channel and waits for its
 * `ready` message. `--import tsx` replaces the parent's execArgv (the tsx CLI's own loader flags).
 */
export function forkTsChild(
  file: string,
  onMessage: (message: LoadServerMessage) => void = () => {},
  nodeArgs: readonly string[] = [],
): Promise<Child & { port: number }> {
  const child = fork(join(__dirname, file), [], {
    execArgv: ['--import', 'tsx', ...nodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} did not start within ${STARTUP_TIMEOUT_MS} ms`));
    }, STARTUP_TIMEOUT_MS);
    child.on('message', (message: unknown) => {
      if (!isChildMessage(message)) return;
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolvePromise({
          process: child,
          pid: child.pid!,
          port: message.port,
          stop: stopper(child),
        });
      } else {
        onMessage(message);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code} before it was ready`));
    });
  });
}

/** The built `eventscope serve --port 0` (web mode, `cli`) as a child; resolves with its URL. */
export function startWebMode(
  cli: string,
  dataDir: string,
  nodeArgs: readonly string[] = [],
): Promise<Child & { url: string }> {
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve', '--port', '0'], {
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
      child.stdout.off('data', onData);
      // Keep draining its output, or a chatty child would block on a full pipe.
      child.stdout.resume();
      resolvePromise({ process: child, pid: child.pid!, url: match[0], stop: stopper(child) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(`[web mode] ${chunk.toString()}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`eventscope serve exited with ${code} before printing a URL:\n${output}`));
    });
  });
}
