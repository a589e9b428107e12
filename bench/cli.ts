import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { loadLine, median, removeScratch, runProcess } from './process-runs';

/**
 * `npm run bench:cli`: the CLI's start-up against bare `node`, side by side (docs/performance.md,
 * "CLI start-up"). Every round runs each variant once, in turn, so a burst of load from other
 * processes hits all of them alike; medians of BENCH_RUNS rounds (15 by default).
 *
 * - `node -e 0`: the floor, the figure the ratios are taken against;
 * - `node` + fetch: a bare script that sends one request (time to the request);
 * - `eventscope --version`;
 * - `eventscope watch <url>`: spawn until the request reaches the server (the server answers 204,
 *   which ends the command for good), and to exit.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/** The target: within 1.6 × the start-up of `node -e 0`. */
const TARGET_RATIO = 1.6;
const CLI = resolve('out/main/cli.js');

interface Sample {
  wallMs: number;
  cpuMs: number;
  /** Spawn → first request at the server; absent for variants that send none. */
  requestMs?: number;
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first');
  const arrivals = new Map<string, number>();
  const server = createServer((req, res) => {
    arrivals.set(req.url ?? '', performance.now());
    res.writeHead(204).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let run = 0;

  const variants: { label: string; sample: () => Promise<Sample> }[] = [
    { label: 'node -e 0', sample: () => plain(process.execPath, ['-e', '0']) },
    {
      label: 'node -e "await fetch(url)"',
      sample: () => toRequest((url) => [process.execPath, ['-e', `fetch(${JSON.stringify(url)})`]]),
    },
    { label: 'eventscope --version', sample: () => plain(process.execPath, [CLI, '--version']) },
    {
      label: 'eventscope watch <url> --no-retry --format none',
      sample: () =>
        toRequest((url) => [
          process.execPath,
          [CLI, 'watch', url, '--no-retry', '--format', 'none'],
        ]),
    },
  ];

  async function plain(command: string, args: string[]): Promise<Sample> {
    const result = await runProcess(command, args);
    if (result.exitCode !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    return { wallMs: result.wallMs, cpuMs: result.cpuMs };
  }

  async function toRequest(make: (url: string) => [string, string[]]): Promise<Sample> {
    const path = `/run/${run++}`;
    const [command, args] = make(base + path);
    const result = await runProcess(command, args);
    const arrived = arrivals.get(path);
    if (arrived === undefined)
      throw new Error(`${args.join(' ')} sent no request: ${result.stderr}`);
    return {
      wallMs: result.wallMs,
      cpuMs: result.cpuMs,
      requestMs: arrived - result.startedAt,
    };
  }

  console.log(
    `CLI start-up, ${RUNS} interleaved rounds, Node ${process.version}; ${loadLine()} at start`,
  );
  const samples = variants.map(() => [] as Sample[]);
  for (let round = 0; round < RUNS; round++) {
    for (const [index, variant] of variants.entries()) samples[index]!.push(await variant.sample());
  }
  server.close();
  removeScratch();

  const floor = median(samples[0]!.map((s) => s.wallMs));
  const floorCpu = median(samples[0]!.map((s) => s.cpuMs));
  const rows = variants.map((variant, index) => {
    const own = samples[index]!;
    const wall = median(own.map((s) => s.wallMs));
    const cpu = median(own.map((s) => s.cpuMs));
    const request = own[0]!.requestMs === undefined ? null : median(own.map((s) => s.requestMs!));
    const measured = request ?? wall;
    return {
      variant: variant.label,
      'to first request ms': request === null ? '' : request.toFixed(1),
      'to exit ms': wall.toFixed(1),
      'CPU ms': cpu.toFixed(0),
      'start-up / node -e 0': (measured / floor).toFixed(2),
      'CPU / node -e 0': (cpu / floorCpu).toFixed(2),
      target:
        index < 2
          ? ''
          : measured / floor <= TARGET_RATIO
            ? `PASS (≤ ${TARGET_RATIO})`
            : `MISS (≤ ${TARGET_RATIO})`,
    };
  });
  console.table(rows);
  console.log(
    `medians of ${RUNS}; "start-up" is to the first request where there is one, else to exit; ${loadLine()} at end`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
