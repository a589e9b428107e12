import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';

// Checks of what `npm run build` produced — the artefacts users and Electron actually load.

describe('the build output', () => {
  it('has a sandbox-safe preload that requires nothing but electron', () => {
    const preload = readFileSync('out/preload/index.js', 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/\bimport\s*[{*(]/);
  });

  it('runs the CLI named by package.json bin with --help', () => {
    const bin = packageJson.bin.eventscope;
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/Usage: eventscope/);
    expect(help).toMatch(/serve/);
  });

  it('ships the renderer with a CSP that forbids inline and eval scripts', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc =
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
