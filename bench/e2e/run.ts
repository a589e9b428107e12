import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH } from './browser';
import { BUILT_CLI, snapshotBuild } from './build-snapshot';
import { startLoadServer } from './load';
import type { PipelineKind } from './pipelines';
import type { Ratios, TargetCheck } from './report';
import { checkAgainstBaseline, checkTargets, ratiosOf, renderReport } from './report';
import type { ScenarioResult } from './run-scenario';
import { runScenario } from './run-scenario';
import { readConfig } from './scenarios';

/**
 * `npm run bench:e2e` (docs/performance.md, "Live feeds end to end"): every scenario through the bare baseline
 * pipeline, then through the app in web mode, in headless Chromium, against one load server.
 * Prints markdown tables (results, targets, app/baseline ratios) and writes
 * bench/results/e2e-<time>.json. A benchmark, not a test: it exits 0 on MISS, 1 only when it
 * could not measure.
 */
const PIPELINES: readonly PipelineKind[] = ['baseline', 'app'];

/** The code measured: HEAD, and whether the working tree had uncommitted changes. */
function gitState(): { commit: string; dirtyFiles: number } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    });
    return { commit, dirtyFiles: status.split('\n').filter((line) => line.trim() !== '').length };
  } catch {
    return { commit: 'unknown', dirtyFiles: -1 };
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!existsSync(BUILT_CLI)) {
    throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`,
    );
  }
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const resultsDir = resolve('bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const loadBefore = loadavg();
  console.log(
    `bench:e2e — ${config.scenarios.map((s) => s.id).join(',')} × ${PIPELINES.join(' + ')}, ` +
      `${config.seconds} s each${config.hideFeedList ? ' (DIAGNOSTIC: app feed list hidden)' : ''}${config.filterAndDetail ? ' (app: filter in every pane, detail open)' : ''}, ${cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const build = snapshotBuild(resultsDir, stamp);
  const git = gitState();
  const load = await startLoadServer();
  const results: ScenarioResult[] = [];
  const checks: TargetCheck[] = [];
  const ratios: Ratios[] = [];
  try {
    for (const scenario of config.scenarios) {
      const byPipeline = new Map<PipelineKind, ScenarioResult>();
      for (const kind of PIPELINES) {
        const profileFile = config.profile
          ? join(resultsDir, `e2e-${stamp}-${scenario.id}-${kind}.cpuprofile`)
          : null;
        const traceFile = config.trace
          ? join(resultsDir, `e2e-${stamp}-${scenario.id}-${kind}.trace.json`)
          : null;
        const result = await runScenario(scenario, kind, load, {
          seconds: config.seconds,
          cli: build.cli,
          profileFile,
          traceFile,
          traceFromOpen: config.trace === 'open',
          hideFeedList: config.hideFeedList,
          filterAndDetail: config.filterAndDetail,
        });
        byPipeline.set(kind, result);
        results.push(result);
        console.log(
          `  (${scenario.id}) ${kind.padEnd(8)} sent ${result.sent}, delivered ${result.delivered}, ` +
            `dropped ${result.droppedReported}, frame p95 ${result.frameP95Ms} ms, ` +
            `latency p99 ${result.latencyP99Ms} ms (${result.latencyP99SettledMs} ms settled), Node CPU ${result.nodeCpuPercent} %, heap ${result.heapMb} MB` +
            (scenario.feeds > 1
              ? `; ${scenario.feeds} feeds opened in ${result.openSeconds} s, frame p95 ` +
                // With BENCH_FILTER=1 frames are timed only once the pane settled: none while opening.
                (Number.isNaN(result.frameP95OpeningMs)
                  ? `after opening ${result.frameP95AfterOpenMs} ms`
                  : `while opening ${result.frameP95OpeningMs} ms, after ${result.frameP95AfterOpenMs} ms`)
              : '') +
            (result.silentLoss > 0 || result.seqGaps !== 0
              ? `  !!! SILENT LOSS: ${result.silentLoss} events, seq gaps ${result.seqGaps}`
              : '') +
            (result.refusedStreams > 0 ? `  !!! ${result.refusedStreams} reconnect(s)` : '') +
            (result.filterSetupMs === undefined
              ? ''
              : `, filter typed and detail open ${result.filterSetupMs} ms after opening`),
        );
        if (result.hotFunctions) console.log('    page, by self time:');
        for (const hot of result.hotFunctions ?? []) {
          console.log(
            `      ${String(hot.selfMs).padStart(6)} ms ${String(hot.selfPercent).padStart(5)} %  ${hot.name}`,
          );
        }
        if (result.trace) {
          const { trace } = result;
          console.log(
            `    page main thread (trace, ${trace.seconds} s): busy ${trace.busyMsPerSecond} ms/s, ` +
              `CPU ${trace.cpuMsPerSecond} ms/s, ` +
              `${trace.longTasks} tasks over 16 ms (longest ${trace.longestTaskMs} ms); self ms/s by event (CPU, wall):`,
          );
          console.log(`      busy ms per 250 ms: ${trace.timeline.join(' ')}`);
          for (const item of trace.byName) {
            console.log(
              `      ${String(item.cpuMsPerSecond).padStart(6)} ${String(item.msPerSecond).padStart(6)}  ${item.name}`,
            );
          }
        }
        if (result.nodeHotFunctions) console.log('    Node side, by self time:');
        for (const hot of result.nodeHotFunctions ?? []) {
          console.log(
            `      ${String(hot.selfMs).padStart(6)} ms ${String(hot.selfPercent).padStart(5)} %  ${hot.name}`,
          );
        }
      }
      const app = byPipeline.get('app')!;
      checks.push(...checkTargets(scenario, app));
      checks.push(...checkAgainstBaseline(scenario, app, byPipeline.get('baseline')!));
      ratios.push(ratiosOf(app, byPipeline.get('baseline')!));
    }
  } finally {
    await load.stop();
    build.dispose();
  }

  console.log(`\n${renderReport(config.scenarios, results, checks, ratios)}\n`);
  const silent = results.filter((r) => r.silentLoss > 0 || r.seqGaps !== 0);
  if (silent.length > 0) {
    console.log(
      `!!! SILENT LOSS in ${silent.map((r) => `(${r.scenario}) ${r.pipeline}`).join(', ')}: ` +
        'events neither delivered nor reported dropped.',
    );
  }
  const misses = checks.filter((c) => !c.pass).length;
  console.log(`${checks.length - misses} of ${checks.length} targets PASS, ${misses} MISS.`);

  const file = join(resultsDir, `e2e-${stamp}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model ?? 'unknown',
          loadAverageBefore: loadBefore,
          loadAverageAfter: loadavg(),
          node: process.version,
          chromium: chromiumVersion(),
        },
        git: { ...git, builtAt: build.builtAt },
        config,
        results,
        checks,
        ratios,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
