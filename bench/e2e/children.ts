import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { spawnServe } from '../../tests/support/web/serve-child';
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
export async function startWebMode(
  cli: string,
  dataDir: string,
  nodeArgs: readonly string[] = [],
): Promise<Child & { url: string }> {
  const { process: child, url } = await spawnServe(cli, dataDir, {
    nodeArgs,
    onStderr: (text) => process.stderr.write(`[web mode] ${text}`),
  });
  return { process: child, pid: child.pid!, url, stop: stopper(child) };
}
