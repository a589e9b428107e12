// `npm run dev`: electron-vite's development mode needs Electron's binary, which a fresh
// `npm install` does not download (electron >= 42 fetches it lazily). Install it first with
// Electron's own installer, then hand over to electron-vite.
'use strict';
const { spawn } = require('node:child_process');
const { dirname, join } = require('node:path');
const { ensureElectron, exitCodeFor } = require('./electron-launch.cjs');

const root = join(__dirname, '..');

async function main() {
  const electron = await ensureElectron(root);
  if (!electron.ok) {
    console.error(
      [
        '',
        `Eventscope: electron-vite dev needs the Electron binary, and installing it failed: ${electron.reason}`,
        'Fix the cause above, or work on the app in a browser with `npm run web`.',
        '',
      ].join('\n'),
    );
    process.exitCode = 1;
    return;
  }
  // The package's exports hide bin/, so it is found beside its package.json.
  const cli = join(
    dirname(require.resolve('electron-vite/package.json', { paths: [root] })),
    'bin/electron-vite.js',
  );
  const child = spawn(process.execPath, [cli, 'dev', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => (process.exitCode = exitCodeFor(code, signal)));
}

void main();
