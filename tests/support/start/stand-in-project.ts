import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../../..');

/** What the stand-in of node_modules/electron/install.js does when run. */
export type InstallerBehaviour = 'installs' | 'fails' | 'hangs';
/** What the stand-in Electron binary it installs does. */
export type BinaryBehaviour = 'opens' | 'crashes' | 'sandbox-abort';

const INSTALLER = `
const { mkdirSync, writeFileSync, chmodSync } = require('node:fs');
const { join } = require('node:path');
const behaviour = process.env.STANDIN_INSTALLER;
if (behaviour === 'fails') {
  console.error('RequestError: getaddrinfo ENOTFOUND github.com');
  process.exit(1);
}
if (behaviour === 'hangs') setInterval(() => {}, 1000);
else {
  console.log('stand-in installer: extracting');
  mkdirSync(join(__dirname, 'dist'), { recursive: true });
  writeFileSync(join(__dirname, 'dist', 'electron'), process.env.STANDIN_BINARY_SCRIPT);
  chmodSync(join(__dirname, 'dist', 'electron'), 0o755);
  writeFileSync(join(__dirname, 'path.txt'), 'electron');
}
`;

const BINARIES: Record<BinaryBehaviour, string> = {
  opens: '#!/bin/sh\necho "stand-in Electron window for: $*"\n',
  crashes: '#!/bin/sh\necho "stand-in Electron crashing"\nkill -SEGV $$\n',
  // Chromium's own words when the setuid helper is not root-owned, then its abort (SIGTRAP).
  'sandbox-abort':
    '#!/bin/sh\necho "[1:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I\'m aborting now." >&2\nkill -TRAP $$\n',
};

/**
 * A copy of the project's launch scripts with stand-ins for Electron's package (its installer
 * and binary) and electron-vite; `out/` is the real build, so web mode is the real one.
 */
export function standInProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'eventscope-start-'));
  mkdirSync(join(root, 'scripts'));
  for (const script of ['start.cjs', 'dev.cjs', 'electron-launch.cjs'])
    copyFileSync(join(repo, 'scripts', script), join(root, 'scripts', script));
  symlinkSync(join(repo, 'out'), join(root, 'out'));
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  writeFileSync(join(electron, 'install.js'), INSTALLER);
  const vite = join(root, 'node_modules', 'electron-vite');
  mkdirSync(join(vite, 'bin'), { recursive: true });
  writeFileSync(join(vite, 'package.json'), '{"name":"electron-vite","version":"0.0.0"}');
  writeFileSync(
    join(vite, 'bin', 'electron-vite.js'),
    'console.log("stand-in electron-vite " + process.argv.slice(2).join(" "));\n',
  );
  chmodSync(join(vite, 'bin', 'electron-vite.js'), 0o755);
  return root;
}

export interface LaunchedScript {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function runScript(
  root: string,
  script: 'start.cjs' | 'dev.cjs',
  options: {
    installer: InstallerBehaviour;
    binary?: BinaryBehaviour;
    args?: string[];
    env?: NodeJS.ProcessEnv;
  },
): LaunchedScript {
  const child = spawn(process.execPath, [join(root, 'scripts', script), ...(options.args ?? [])], {
    cwd: root,
    env: {
      ...process.env,
      ...options.env,
      STANDIN_INSTALLER: options.installer,
      STANDIN_BINARY_SCRIPT: BINARIES[options.binary ?? 'opens'],
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}
