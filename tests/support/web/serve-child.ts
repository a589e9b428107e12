import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** How long the built CLI may take to print its URL on a loaded 2-core machine. */
const STARTUP_TIMEOUT_MS = 30_000;

export interface ServeChild {
  process: ChildProcess;
  /** The page's address, with its secret path, as `serve` printed it. */
  url: string;
}

export interface ServeOptions {
  /** Node flags before the script (a bench passes --cpu-prof and the like). */
  nodeArgs?: readonly string[];
  /** Sees the child's stderr as it comes (it is also kept for the startup error). */
  onStderr?: (text: string) => void;
}

/**
 * Starts the built `eventscope serve --port 0` (`cli`) as a real child process with its data
 * in `dataDir`, and resolves with the URL it prints; rejects with its output when it exits or
 * stays silent first. Used by the journeys and by bench:e2e.
 */
export function spawnServe(
  cli: string,
  dataDir: string,
  options: ServeOptions = {},
): Promise<ServeChild> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), cli, 'serve', '--port', '0'],
    {
      env: { ...process.env, EVENTSCOPE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
      resolvePromise({ process: child, url: match[0] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      options.onStderr?.(chunk.toString());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`eventscope serve exited with ${code} before printing a URL:\n${output}`));
    });
  });
}
