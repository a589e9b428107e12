import type { ScenarioResult } from './run-scenario';
import type { Scenario } from './scenarios';
import {
  FRAME_P95_TARGET_MS,
  HEAP_TARGET_MB,
  LATENCY_P99_TARGET_RATIO,
  NODE_CPU_PER_EVENT_TARGET_RATIO,
  OVERLOAD_DROP_TARGET_RATIO,
} from './scenarios';

export interface TargetCheck {
  scenario: Scenario['id'];
  target: string;
  measured: string;
  pass: boolean;
}

/** The bench:e2e targets (docs/performance.md) for one scenario's app result. */
export function checkTargets(scenario: Scenario, app: ScenarioResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const id = scenario.id;
  const lossText = `${app.delivered} of ${app.sent}, ${app.droppedReported} reported dropped, ${app.silentLoss} silent`;
  if (scenario.dropsAllowed) {
    checks.push({
      scenario: id,
      target: 'no silent loss (drops reported)',
      measured: lossText,
      pass: app.silentLoss <= 0 && app.seqGaps === 0,
    });
  } else {
    checks.push({
      scenario: id,
      target: 'no drops',
      measured: lossText,
      pass: app.delivered === app.sent && app.droppedReported === 0 && app.seqGaps === 0,
    });
  }
  checks.push({
    scenario: id,
    target: `frame p95 ≤ ${FRAME_P95_TARGET_MS} ms`,
    measured: `${app.frameP95Ms} ms`,
    pass: app.frameP95Ms <= FRAME_P95_TARGET_MS,
  });
  if (scenario.latencyP99TargetMs !== null) {
    checks.push({
      scenario: id,
      target: `latency p99 ≤ ${scenario.latencyP99TargetMs} ms`,
      measured: `${app.latencyP99Ms} ms`,
      pass: app.latencyP99Ms <= scenario.latencyP99TargetMs,
    });
  }
  checks.push({
    scenario: id,
    target: `heap ≤ ${HEAP_TARGET_MB} MB`,
    measured: `${app.heapMb} MB after ${app.delivered} events`,
    pass: app.heapMb <= HEAP_TARGET_MB,
  });
  return checks;
}

/**
 * Targets against the bare pipeline of the same run: latency p99 in (a)–(d), Node-side CPU per
 * delivered event in (a)–(e), and in the overload scenario (drops allowed) the share the view
 * dropped and frame p95 no worse than the baseline's (or within the absolute target).
 */
export function checkAgainstBaseline(
  scenario: Scenario,
  app: ScenarioResult,
  baseline: ScenarioResult,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (scenario.latencyP99TargetMs !== null) {
    const latencyRatio = app.latencyP99Ms / Math.max(1, baseline.latencyP99Ms);
    checks.push({
      scenario: scenario.id,
      target: `latency p99 ≤ ${LATENCY_P99_TARGET_RATIO} × baseline`,
      measured: `${app.latencyP99Ms} ms against ${baseline.latencyP99Ms} ms = ${latencyRatio.toFixed(2)}×`,
      pass: latencyRatio <= LATENCY_P99_TARGET_RATIO,
    });
  }
  if (scenario.dropsAllowed) {
    checks.push({
      scenario: scenario.id,
      target: `frame p95 ≤ baseline's or ≤ ${FRAME_P95_TARGET_MS} ms`,
      measured: `${app.frameP95Ms} ms against ${baseline.frameP95Ms} ms`,
      pass: app.frameP95Ms <= Math.max(baseline.frameP95Ms, FRAME_P95_TARGET_MS),
    });
  }
  if (scenario.id !== 'f') {
    const cpuRatio = app.nodeCpuUsPerEvent / baseline.nodeCpuUsPerEvent;
    checks.push({
      scenario: scenario.id,
      target: `Node CPU/event ≤ ${NODE_CPU_PER_EVENT_TARGET_RATIO} × baseline`,
      measured: `${app.nodeCpuUsPerEvent} µs against ${baseline.nodeCpuUsPerEvent} µs = ${cpuRatio.toFixed(2)}×`,
      pass: cpuRatio <= NODE_CPU_PER_EVENT_TARGET_RATIO,
    });
  }
  if (scenario.dropsAllowed) {
    const share = app.droppedReported / Math.max(1, app.sent);
    checks.push({
      scenario: scenario.id,
      target: `dropped from the view < ${OVERLOAD_DROP_TARGET_RATIO * 100} %`,
      measured: `${(share * 100).toFixed(1)} % (${app.droppedReported} of ${app.sent}, all reported)`,
      pass: share < OVERLOAD_DROP_TARGET_RATIO,
    });
  }
  return checks;
}

export interface Ratios {
  scenario: Scenario['id'];
  frameP95: number;
  latencyP99: number;
  /** From 1.5 s after opening (run-scenario.ts, SETTLE_MS): the panes without their first second. */
  latencyP99Settled: number;
  nodeCpu: number;
  nodeCpuPerEvent: number;
  heap: number;
}

const ratio = (app: number, base: number) =>
  base > 0 ? Math.round((app / base) * 100) / 100 : Number.NaN;

export function ratiosOf(app: ScenarioResult, baseline: ScenarioResult): Ratios {
  return {
    scenario: app.scenario,
    frameP95: ratio(app.frameP95Ms, baseline.frameP95Ms),
    latencyP99: ratio(app.latencyP99Ms, baseline.latencyP99Ms),
    latencyP99Settled: ratio(app.latencyP99SettledMs, baseline.latencyP99SettledMs),
    nodeCpu: ratio(app.nodeCpuPercent, baseline.nodeCpuPercent),
    nodeCpuPerEvent: ratio(app.nodeCpuUsPerEvent, baseline.nodeCpuUsPerEvent),
    heap: ratio(app.heapMb, baseline.heapMb),
  };
}

/** A markdown table; the first `left` columns are text (left-aligned), the rest numbers. */
function table(header: string[], rows: string[][], left: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < left ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const fmt = (n: number) => (Number.isNaN(n) ? '–' : String(n));

/** Markdown tables: results, target checks, ratios. Printed and pasted into the doc as is. */
export function renderReport(
  scenarios: readonly Scenario[],
  results: readonly ScenarioResult[],
  checks: readonly TargetCheck[],
  ratios: readonly Ratios[],
): string {
  const label = (id: string) => scenarios.find((s) => s.id === id)?.label ?? id;
  const resultRows = results.map((r) => [
    `(${r.scenario}) ${label(r.scenario)}`,
    r.pipeline,
    r.sent < r.scheduled ? `${r.sent} of ${r.scheduled}` : String(r.sent),
    String(r.delivered),
    String(r.droppedReported),
    r.silentLoss > 0 || r.seqGaps !== 0 ? `SILENT LOSS ${r.silentLoss}` : String(r.silentLoss),
    `${fmt(r.nodeCpuPercent)} (${fmt(r.nodeCpuUsPerEvent)})`,
    `${fmt(r.browserCpuPercent)} (${fmt(r.browserCpuUsPerEvent)})`,
    fmt(r.pageMainThreadPercent),
    `${fmt(r.frameP50Ms)} / ${fmt(r.frameP95Ms)} / ${fmt(r.frameMaxMs)}`,
    `${fmt(r.latencyP50Ms)} / ${fmt(r.latencyP99Ms)}`,
    `${fmt(r.toNodeP99Ms)} / ${fmt(r.toPageP99Ms)}`,
    fmt(r.heapMb),
    `${fmt(r.nodeRssMb)} / ${fmt(r.nodeRssPeakMb)}`,
  ]);
  const checkRows = checks.map((c) => [
    `(${c.scenario}) ${label(c.scenario)}`,
    c.target,
    c.measured,
    c.pass ? 'PASS' : 'MISS',
  ]);
  const ratioRows = ratios.map((r) => [
    `(${r.scenario}) ${label(r.scenario)}`,
    fmt(r.frameP95),
    fmt(r.latencyP99),
    fmt(r.latencyP99Settled),
    fmt(r.nodeCpu),
    fmt(r.nodeCpuPerEvent),
    fmt(r.heap),
  ]);
  return [
    table(
      [
        'scenario',
        'pipeline',
        'sent',
        'delivered',
        'dropped (reported)',
        'silent loss',
        'Node CPU % (µs/event)',
        'Chromium CPU % (µs/event)',
        'page main thread %',
        'frame p50 / p95 / max ms',
        'latency p50 / p99 ms',
        'p99 to Node / to page ms',
        'heap MB',
        'Node RSS / peak MB',
      ],
      resultRows,
      2,
    ),
    '',
    table(['scenario', 'target (app)', 'measured', 'result'], checkRows, 4),
    '',
    table(
      [
        'scenario',
        'frame p95 app/base',
        'latency p99 app/base',
        'settled (from 1.5 s)',
        'Node CPU app/base',
        'Node µs/event app/base',
        'heap app/base',
      ],
      ratioRows,
      1,
    ),
  ].join('\n');
}
