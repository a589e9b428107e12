// `npm start`: launch the desktop app when the Electron binary is installed; otherwise say so
// plainly and start web mode, the same app in a browser. Never triggers Electron's download
// (requiring the `electron` package would: it fetches the binary on first use).
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const root = join(__dirname, '..');
const binary = electronBinary();
if (binary) {
  run(binary, [root, ...process.argv.slice(2)]);
} else {
  console.log(
    [
      '',
      'Eventscope: the Electron binary is not installed, so the desktop window cannot open here.',
      'The npm package "electron" is present, but its platform binary (node_modules/electron/dist)',
      'was never downloaded — this happens on machines without access to Electron’s download',
      'servers. On a desktop with internet access, run `node node_modules/electron/install.js`',
      'once, then `npm start` again. Starting web mode instead: the same app, in your browser.',
      '',
    ].join('\n'),
  );
  run(process.execPath, [join(root, 'out/main/cli.js'), 'serve', ...process.argv.slice(2)]);
}
