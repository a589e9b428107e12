import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Whole processes, spawn to exit, as a user of the CLI pays for them: wall time measured here,
 * CPU time (user + system of the process and its threads) from GNU time's `-o` file, which
 * getrusage() gives for an exited child and Node does not expose. Linux benchmarks only.
 */

export interface ProcessRun {
  /** Spawn to exit, ms. */
  wallMs: number;
  /** User + system CPU of the process, ms (10 ms resolution: GNU time reports hundredths). */
  cpuMs: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** performance.now() at spawn, to relate server-side observations to the start. */
  startedAt: number;
}

const TIME_BINARY = '/usr/bin/time';
const scratch = mkdtempSync(join(tmpdir(), 'eventscope-bench-'));
let nextFile = 0;

export function runProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProcessRun> {
  const timeFile = join(scratch, `time-${nextFile++}.txt`);
  const startedAt = performance.now();
  const child = spawn(TIME_BINARY, ['-f', '%U %S', '-o', timeFile, command, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => {
      const wallMs = performance.now() - startedAt;
      const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ');
      resolve({
        wallMs,
        cpuMs: (Number(user) + Number(system)) * 1000,
        exitCode,
        stdout,
        stderr,
        startedAt,
      });
    });
  });
}

export function removeScratch(): void {
  rmSync(scratch, { recursive: true, force: true });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `uptime`'s load averages, to print beside every measurement on a shared machine. */
export function loadLine(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`;
}
