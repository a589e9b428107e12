// `npm start`: open the desktop window. When Electron's binary is missing (electron >= 42
// downloads it lazily, so a fresh `npm install` has none), run Electron's own installer first;
// only if that fails, say why and start web mode, the same app in a browser.
'use strict';
const { join } = require('node:path');
const { ensureElectron, runElectron } = require('./electron-launch.cjs');
const { spawn } = require('node:child_process');

const root = join(__dirname, '..');

function webMode(args) {
  const child = spawn(process.execPath, [join(root, 'out/main/cli.js'), 'serve', ...args], {
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function main() {
  const args = process.argv.slice(2);
  const electron = await ensureElectron(root);
  if (electron.ok) {
    process.exitCode = await runElectron(electron.binary, [root, ...args]);
    return;
  }
  console.log(
    [
      '',
      'Eventscope: the Electron binary is not installed, so the desktop window cannot open here.',
      `Installing it failed: ${electron.reason}`,
      '',
      'Fix the cause above (a proxy needs HTTPS_PROXY; a mirror can be set with',
      'ELECTRON_MIRROR), then run `node node_modules/electron/install.js` and `npm start` again.',
      'Starting web mode instead: the same app, in your browser.',
      '',
    ].join('\n'),
  );
  webMode(args);
}

void main();
