import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkTsChild, startWebMode } from './children';
import type { CpuProfile } from './profile';

export type PipelineKind = 'baseline' | 'app';

/** A running pipeline: the page to open and the Node-side process to measure. */
export interface Pipeline {
  kind: PipelineKind;
  url: string;
  pid: number;
  /** Stops it; with profiling on, resolves with the Node-side CPU profile it wrote on exit. */
  stop(): Promise<CpuProfile | null>;
}

/**
 * BENCH_PROFILE=1 runs the Node side with --cpu-prof: V8 writes the profile when the process
 * exits (web mode exits cleanly on SIGTERM), into a temp dir read back here.
 */
function nodeProfiling(enabled: boolean): { args: string[]; collect(): CpuProfile | null } {
  if (!enabled) return { args: [], collect: () => null };
  const dir = mkdtempSync(join(tmpdir(), 'eventscope-bench-cpuprof-'));
  return {
    args: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    collect: () => {
      const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
      const profile = file
        ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile)
        : null;
      rmSync(dir, { recursive: true, force: true });
      return profile;
    },
  };
}

/** The app: built web mode, session logs in a temp data dir deleted afterwards. */
async function startApp(cli: string, profile: boolean): Promise<Pipeline> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-bench-data-'));
  const profiling = nodeProfiling(profile);
  try {
    const web = await startWebMode(cli, dataDir, profiling.args);
    return {
      kind: 'app',
      url: web.url,
      pid: web.pid,
      stop: async () => {
        await web.stop();
        rmSync(dataDir, { recursive: true, force: true });
        return profiling.collect();
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The bare pipeline of bench:e2e (baseline-server.ts + baseline/). */
async function startBaseline(profile: boolean): Promise<Pipeline> {
  const profiling = nodeProfiling(profile);
  const child = await forkTsChild('baseline-server.ts', undefined, profiling.args);
  return {
    kind: 'baseline',
    url: `http://127.0.0.1:${child.port}/`,
    pid: child.pid,
    stop: async () => {
      await child.stop();
      return profiling.collect();
    },
  };
}

/** `cli` is the built web mode to run (a snapshot of out/, see build-snapshot.ts). */
export function startPipeline(
  kind: PipelineKind,
  cli: string,
  profile: boolean,
): Promise<Pipeline> {
  return kind === 'app' ? startApp(cli, profile) : startBaseline(profile);
}
