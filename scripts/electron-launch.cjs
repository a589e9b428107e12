// What `npm start` and `npm run dev` share: find Electron's binary, install it with Electron's
// own installer when it is missing (electron >= 42 downloads lazily, so `npm install` leaves
// none), and run it so that a crash or a Linux sandbox abort is reported, never silent.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { constants } = require('node:os');
const { dirname, join } = require('node:path');

/** Electron's zip is ~100 MB; a slow line gets ten minutes before we give up. */
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;
/** How often the "still downloading" line is refreshed. */
const PROGRESS_INTERVAL_MS = 1000;
/** Without a terminal, a line every so often instead of redrawing one. */
const PROGRESS_LOG_INTERVAL_MS = 15_000;
/** What is kept of a child's output to explain a failure. */
const TAIL_CHARS = 8 * 1024;

function electronDir(root) {
  return dirname(require.resolve('electron/package.json', { paths: [root] }));
}

/** The installed binary, or null. Reading path.txt never triggers a download. */
function electronBinary(dir, env = process.env) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

function keepTail(tail, chunk) {
  const next = tail + chunk;
  return next.length > TAIL_CHARS ? next.slice(-TAIL_CHARS) : next;
}

function lastLines(text, count) {
  return text.trim().split(/\r?\n/).slice(-count).join('\n');
}

/**
 * Runs node_modules/electron/install.js with a progress line and a time limit. Resolves
 * `{ ok: true, binary }` or `{ ok: false, reason }` with the installer's own last words.
 */
function installElectron(dir, options = {}) {
  const env = options.env || process.env;
  const out = options.out || process.stdout;
  const timeoutMs = Number(env.EVENTSCOPE_ELECTRON_INSTALL_TIMEOUT_MS) || INSTALL_TIMEOUT_MS;
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const what = `Electron ${version} for ${process.platform}-${process.arch}`;
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const tty = Boolean(out.isTTY);
  out.write(`Installing ${what} (about 100 MB, once) with node_modules/electron/install.js…\n`);

  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    let lastLog = Date.now();
    const onData = (chunk) => (tail = keepTail(tail, chunk.toString()));
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const progress = setInterval(() => {
      if (tty) out.write(`\r  downloading ${what}… ${seconds()} s `);
      else if (Date.now() - lastLog >= PROGRESS_LOG_INTERVAL_MS) {
        lastLog = Date.now();
        out.write(`  still downloading ${what}… ${seconds()} s\n`);
      }
    }, PROGRESS_INTERVAL_MS);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (error) => (tail = keepTail(tail, String(error))));
    child.on('close', (code, signal) => {
      clearInterval(progress);
      clearTimeout(timer);
      if (tty) out.write('\n');
      const binary = electronBinary(dir, env);
      if (code === 0 && binary) {
        out.write(`Installed ${what} in ${seconds()} s.\n`);
        resolve({ ok: true, binary });
        return;
      }
      let reason;
      if (timedOut) reason = `the download did not finish within ${Math.round(timeoutMs / 1000)} s`;
      else if (code === 0) reason = 'the installer finished but left no binary';
      else reason = `the installer failed (${signal ? `signal ${signal}` : `exit code ${code}`})`;
      const said = lastLines(tail, 6);
      resolve({ ok: false, reason: said ? `${reason}:\n${said}` : reason });
    });
  });
}

/** Finds the binary, installing it first when it is missing. */
async function ensureElectron(root, options = {}) {
  const dir = electronDir(root);
  const binary = electronBinary(dir, options.env || process.env);
  if (binary) return { ok: true, binary };
  return installElectron(dir, options);
}

const SANDBOX_PATTERNS = [
  /SUID sandbox helper binary was found, but is not configured correctly/,
  /No usable sandbox!/,
  /apparmor-userns-restrictions/,
];

/** True when Chromium aborted because it could not set up its Linux sandbox. */
function isSandboxAbort(output) {
  return SANDBOX_PATTERNS.some((pattern) => pattern.test(output));
}

function sandboxFix(binary) {
  const helper = join(dirname(binary), 'chrome-sandbox');
  return [
    '',
    'Eventscope: Electron stopped because Linux would not let it start its sandbox.',
    'Ubuntu 24.04 (and other systems that restrict unprivileged user namespaces with AppArmor)',
    'then needs Chromium’s setuid helper, which npm cannot install as root. Fix it once with:',
    '',
    `  sudo chown root:root ${helper}`,
    `  sudo chmod 4755 ${helper}`,
    '',
    'then run the command again. (The installed app’s .deb sets this up itself.)',
    '',
  ].join('\n');
}

/** 128 + signal number: the shell's convention, so a crash never looks like success. */
function exitCodeFor(code, signal) {
  if (signal) return 128 + (constants.signals[signal] || 1);
  return code === null ? 1 : code;
}

/**
 * Runs the binary with the terminal attached, watching stderr for a sandbox abort. Resolves the
 * exit code to use for our own process.
 */
function runElectron(binary, args, options = {}) {
  const err = options.err || process.stderr;
  return new Promise((resolve) => {
    const child = spawn(binary, args, {
      stdio: ['inherit', 'inherit', 'pipe'],
      env: options.env || process.env,
    });
    let tail = '';
    child.stderr.on('data', (chunk) => {
      err.write(chunk);
      tail = keepTail(tail, chunk.toString());
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      err.write(`Eventscope: could not run ${binary}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const exitCode = exitCodeFor(code, signal);
      if (exitCode !== 0 && process.platform === 'linux' && isSandboxAbort(tail)) {
        err.write(sandboxFix(binary));
      } else if (signal) {
        err.write(`\nEventscope: Electron ended with signal ${signal} (exit code ${exitCode}).\n`);
      }
      resolve(exitCode);
    });
  });
}

module.exports = {
  ensureElectron,
  electronBinary,
  electronDir,
  exitCodeFor,
  installElectron,
  isSandboxAbort,
  runElectron,
};
