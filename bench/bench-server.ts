import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** bench/server.ts as its own process (its work stays off the measured thread); its base URL. */
export function startBenchServer(): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('bench/server.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`bench server exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (port) =>
      done({ base: `http://127.0.0.1:${port.trim()}`, child }),
    );
  });
}
