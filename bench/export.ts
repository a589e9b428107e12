import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseCsv } from 'csv-parse';
import { createSseParser } from '../electron/core/sse/parser';
import { runExport } from '../electron/core/export/run-export';
import type { ExportFormat } from '../electron/core/export/formats';

/**
 * `npm run bench:export` (docs/sessions.md): exports a 1,000,000-event session log (~200 MB) in
 * every format and compares each with a plain createReadStream → line split → JSON.parse →
 * write pipeline measured in the same run. Each variant runs in its own child process so its
 * peak RSS is its own. Every output is checked: every record must be there and valid.
 */
const EVENTS = Number(process.env.BENCH_EXPORT_EVENTS ?? 1_000_000);
const FORMATS: readonly ExportFormat[] = (
  process.env.BENCH_EXPORT_FORMATS ?? 'jsonl,csv,json,sse,html'
).split(',') as ExportFormat[];
const MB = 1024 * 1024;

interface ChildResult {
  variant: string;
  ms: number;
  rssStartBytes: number;
  rssPeakBytes: number;
  outputBytes: number;
}

async function writeLog(path: string): Promise<number> {
  const out = createWriteStream(path);
  const start = Date.UTC(2026, 0, 1);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    `${JSON.stringify({ kind: 'session', feedId: 'bench', name: 'bench', method: 'GET', url: 'http://127.0.0.1/bench', headers: [], body: null, openedAt: start })}\n`,
  );
  let chunk = '';
  for (let i = 1; i <= EVENTS; i++) {
    const data = JSON.stringify({
      n: i,
      text: 'a, "quoted" value',
      items: [i % 7, i % 11, i % 13],
    });
    chunk += `${JSON.stringify({ seq: i, at: start + i, kind: 'event', type: i % 5 === 0 ? 'tick' : 'message', data, lastEventId: String(i), attempt: 1, sizeBytes: data.length })}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(r));
  return statSync(path).size;
}

/** The reference: read, split lines, JSON.parse each, write each back as a line. */
async function baseline(log: string, outPath: string): Promise<void> {
  const out = createWriteStream(outPath);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(log, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() ?? '';
    let text = '';
    for (const line of lines) text += `${JSON.stringify(JSON.parse(line))}\n`;
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

async function child(variant: string, log: string, outPath: string): Promise<void> {
  const rssStart = process.memoryUsage.rss();
  let peak = rssStart;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t0 = performance.now();
  if (variant === 'baseline') await baseline(log, outPath);
  else {
    await runExport({
      sources: [{ paths: [log], trimmed: false }],
      format: variant as ExportFormat,
      destination: outPath,
    });
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const result: ChildResult = {
    variant,
    ms,
    rssStartBytes: rssStart,
    rssPeakBytes: peak,
    outputBytes: statSync(outPath).size,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Counts valid records in an output, reading it as the tool it is for would. */
async function validate(format: string, path: string): Promise<number> {
  if (format === 'csv') {
    let rows = 0;
    const parser = createReadStream(path).pipe(parseCsv({ columns: true }));
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      JSON.parse(row.data!);
      rows += 1;
    }
    return rows;
  }
  if (format === 'sse') {
    let events = 0;
    const parser = createSseParser({ onEvent: (e) => (JSON.parse(e.data), (events += 1)) });
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) parser.feed(chunk);
    return events;
  }
  let count = 0;
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (format === 'html') {
        if (line.startsWith('<tr class="event"')) count += 1;
      } else if (format === 'json') {
        if (line.startsWith('{')) {
          JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
          count += 1;
        }
      } else if (line !== '') {
        const record = JSON.parse(line) as { kind: string; lastEventId: unknown };
        if (record.kind === 'event' && typeof record.lastEventId === 'string') count += 1;
      }
    }
  }
  return count;
}

async function main(): Promise<void> {
  const [mode, variant, log, outPath] = process.argv.slice(2);
  if (mode === '--child') return child(variant!, log!, outPath!);

  const dir = mkdtempSync(join(tmpdir(), 'eventscope-bench-export-'));
  try {
    const log = join(dir, 'session.ndjson');
    process.stdout.write(`Writing a ${EVENTS.toLocaleString('en')}-event session log…\n`);
    const logBytes = await writeLog(log);
    process.stdout.write(`  ${(logBytes / MB).toFixed(1)} MB\n\n`);
    const results: Array<ChildResult & { valid: number }> = [];
    // A baseline run before and after every format: on a shared machine the load changes by the
    // minute, so each format is compared with the baseline runs beside it.
    const sequence = FORMATS.flatMap((format) => ['baseline', format]).concat('baseline');
    for (const variant of sequence) {
      const out = join(dir, `out.${variant}`);
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'bench/export.ts', '--child', variant, log, out],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      if (run.status !== 0) throw new Error(`${variant} failed:\n${run.stderr}`);
      const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
      const valid = variant === 'baseline' ? EVENTS : await validate(variant, out);
      rmSync(out, { force: true });
      results.push({ ...result, valid });
      process.stdout.write(`  ${variant.padEnd(8)} done in ${(result.ms / 1000).toFixed(2)} s\n`);
    }
    const besideMs = (index: number): number => {
      const around = [results[index - 1], results[index + 1]].filter(
        (r): r is (typeof results)[number] => r?.variant === 'baseline',
      );
      return around.length === 0
        ? results[index]!.ms
        : around.reduce((n, r) => n + r.ms, 0) / around.length;
    };
    const [l1, l5] = loadavg();
    process.stdout.write(
      `\nbench:export — ${EVENTS.toLocaleString('en')} events, ${(logBytes / MB).toFixed(1)} MB of log; ` +
        `load average ${l1!.toFixed(2)} (1 min) ${l5!.toFixed(2)} (5 min)\n\n`,
    );
    process.stdout.write(
      'variant    time s   MB/s log  events/s    × baseline  RSS growth MB  output MB  valid records\n',
    );
    for (const [index, r] of results.entries()) {
      const baseMs = r.variant === 'baseline' ? r.ms : besideMs(index);
      const mbps = logBytes / MB / (r.ms / 1000);
      process.stdout.write(
        `${r.variant.padEnd(9)} ${(r.ms / 1000).toFixed(2).padStart(7)} ${mbps.toFixed(1).padStart(10)} ` +
          `${Math.round(EVENTS / (r.ms / 1000))
            .toLocaleString('en')
            .padStart(10)} ` +
          `${(baseMs / r.ms).toFixed(2).padStart(12)} ${((r.rssPeakBytes - r.rssStartBytes) / MB).toFixed(1).padStart(14)} ` +
          `${(r.outputBytes / MB).toFixed(1).padStart(10)}  ${r.valid === EVENTS ? 'all' : `${r.valid} of ${EVENTS}`}\n`,
      );
    }
    process.stdout.write(
      '\n× baseline = mean time of the baseline runs just before and after / variant time; target ≥ 0.8.\n' +
        'Targets: RSS growth under 150 MB, every output record valid.\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
