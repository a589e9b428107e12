import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { startWebMode } from './e2e/children';
import { launchBrowser } from './e2e/browser';
import { loadLine, median } from './process-runs';

/**
 * `npm run bench:page`: how soon web mode's page is usable (docs/performance.md, "The page").
 * Each round opens a fresh Chromium profile (nothing cached) and navigates to
 *
 * - a bare HTML page with one list, served from loopback by this process: the floor;
 * - the built app in web mode (`eventscope serve`), until the saved workspaces are listed
 *   (the first endpoint of the selected workspace shows in the "Endpoints" list).
 *
 * Medians of BENCH_RUNS (7) interleaved rounds; also the initial JavaScript the page loads
 * (the entry script and its preloads, minified, and gzipped).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The target: workspaces listed within 1 s of navigation. */
const INTERACTIVE_TARGET_MS = 1_000;
const INITIAL_JS_TARGET_KB = 300;
const RENDERER = resolve('out/renderer');

/** The scripts index.html loads before anything runs: its module entry and modulepreloads. */
function initialJs(): { files: string[]; bytes: number; gzipBytes: number } {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const path = join(RENDERER, file);
    bytes += statSync(path).size;
    gzipBytes += gzipSync(readFileSync(path)).length;
  }
  return { files, bytes, gzipBytes };
}

async function main(): Promise<void> {
  const js = initialJs();
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>bare</title><ul aria-label="Endpoints"><li>one</li></ul>');
  });
  await new Promise<void>((done) => bare.listen(0, '127.0.0.1', done));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-bench-page-'));
  const web = await startWebMode(resolve('out/main/cli.js'), dataDir);
  console.log(`Page start-up, ${RUNS} interleaved rounds; ${loadLine()} at start`);

  const times: Record<'bare' | 'app', number[]> = { bare: [], app: [] };
  const domReady: number[] = [];
  try {
    for (let round = 0; round < RUNS; round++) {
      for (const kind of ['bare', 'app'] as const) {
        const browser = await launchBrowser();
        try {
          const { page } = browser;
          const started = performance.now();
          await page.goto(kind === 'bare' ? bareUrl : web.url);
          await page
            .getByRole('list', { name: 'Endpoints' })
            .getByRole('listitem')
            .first()
            .waitFor({ state: 'visible', timeout: 30_000 });
          times[kind].push(performance.now() - started);
          if (kind === 'app') {
            domReady.push(
              // Evaluated in the page, where the Navigation Timing entry exists.
              await page.evaluate(
                '(performance.getEntriesByType("navigation")[0] || {}).domContentLoadedEventEnd || 0',
              ),
            );
          }
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await web.stop();
    rmSync(dataDir, { recursive: true, force: true });
    bare.close();
  }
  const app = median(times.app);
  const floor = median(times.bare);
  console.table([
    {
      page: 'bare HTML list (floor)',
      'navigation → list shown ms': floor.toFixed(0),
      ratio: '1.00',
    },
    {
      page: 'web mode: workspaces listed',
      'navigation → list shown ms': app.toFixed(0),
      ratio: (app / floor).toFixed(2),
    },
  ]);
  console.log(
    `web mode DOMContentLoaded ${median(domReady).toFixed(0)} ms (median); ` +
      `workspaces listed ${app.toFixed(0)} ms: ${app <= INTERACTIVE_TARGET_MS ? 'PASS' : 'MISS'} (≤ ${INTERACTIVE_TARGET_MS} ms)`,
  );
  console.log(
    `initial JS ${js.files.join(', ')}: ${(js.bytes / 1000).toFixed(1)} kB minified, ` +
      `${(js.gzipBytes / 1000).toFixed(1)} kB gzip: ${js.bytes / 1000 < INITIAL_JS_TARGET_KB ? 'PASS' : 'MISS'} (< ${INITIAL_JS_TARGET_KB} kB)`,
  );
  console.log(`${loadLine()} at end`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
