import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// The built CLI loads each command, and each heavy dependency, only when it is used
// (docs/performance.md, "CLI start-up"). Checked on the built out/main, the code users run.

const TRACE = resolve('tests/support/cli/module-trace.cjs');
const cleanups: (() => void)[] = [];
afterEach(() => {
  // Last registered first: the server process ends before its files are removed.
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/**
 * What each heavy dependency looks like inside the bundle: main carries its dependencies in
 * chunks (electron.vite.config.ts), so a dependency is loaded when a chunk holding it is.
 */
const HEAVY_MARKERS: Record<string, RegExp> = {
  zod: /ZodError/,
  ws: /WebSocketServer/,
  undici: /UND_ERR_/,
};

interface Trace {
  /** Bare package names required from node_modules. */
  packages: string[];
  /** The heavy dependencies found in the build files the process loaded. */
  heavy: string[];
}

/** Run asynchronously: a test's own server must keep answering meanwhile. */
async function traceOf(args: string[]): Promise<Trace> {
  const dir = mkdtempSync(join(tmpdir(), 'eventscope-trace-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'trace.json');
  await promisify(execFile)(process.execPath, ['-r', TRACE, 'out/main/cli.js', ...args], {
    env: { ...process.env, EVENTSCOPE_MODULE_TRACE: file },
  });
  const trace = JSON.parse(readFileSync(file, 'utf8')) as { packages: string[]; files: string[] };
  const loaded = trace.files.map((path) => readFileSync(path, 'utf8'));
  const heavy = Object.entries(HEAVY_MARKERS)
    .filter(([, marker]) => loaded.some((code) => marker.test(code)))
    .map(([name]) => name);
  return { packages: trace.packages, heavy };
}

describe('the built CLI', () => {
  it('prints its version loading no heavy dependency', async () => {
    const trace = await traceOf(['--version']);
    expect(trace.heavy).toEqual([]);
    expect(trace.packages.filter((name) => name !== 'commander')).toEqual([]);
  });

  it('watches a URL without loading zod, ws or undici', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('data: one\n\ndata: two\n\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    cleanups.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const trace = await traceOf(['watch', url, '--no-retry', '--format', 'none']);
    expect(trace.heavy).toEqual([]);
    for (const heavy of Object.keys(HEAVY_MARKERS)) expect(trace.packages).not.toContain(heavy);
  });

  it('serves the page from a copy of the build, commands loaded from out/main/chunks', async () => {
    // Under the repository, so the bundle's external imports resolve from node_modules.
    mkdirSync('test-results', { recursive: true });
    const copy = mkdtempSync(resolve('test-results/lazy-cli-build-'));
    cleanups.push(() => rmSync(copy, { recursive: true, force: true }));
    cpSync('out', copy, { recursive: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'eventscope-data-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, [join(copy, 'main/cli.js'), 'serve', '--port', '0'], {
      env: { ...process.env, EVENTSCOPE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    let output = '';
    const url = await new Promise<string>((done, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\//.exec(output);
        if (match) done(match[0]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="app">/);
  });
});
