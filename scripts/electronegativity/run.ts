// `npm run electronegativity`: Doyensec's Electron security scanner over the sources and the
// build (run after `npm run build`). Every finding must be fixed or listed with its reason in
// electronegativity-allowlist.json; anything else fails the test command.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import run from '@doyensec/electronegativity';
import type { Allowed, Finding } from './allowlist';
import { applyAllowlist } from './allowlist';

const root = resolve(__dirname, '../..');
/**
 * Two scans, each over one folder so the scanner's global checks (CSP, permission handler,
 * navigation limits) see main, preload and page together: the sources, and the build. The
 * build's shared chunk (out/main/chunks) is third-party code bundled with the core; its
 * Electron-facing parts are scanned as sources, and the scanner's parser cannot read it.
 */
const INPUTS: Record<string, Array<{ from: string; to: string }>> = {
  sources: [
    { from: 'electron', to: 'electron' },
    { from: 'renderer', to: 'renderer' },
  ],
  build: [
    { from: 'out/main/index.js', to: 'main/index.js' },
    { from: 'out/preload', to: 'preload' },
    { from: 'out/renderer', to: 'renderer' },
  ],
};

function gather(parts: Array<{ from: string; to: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eventscope-electronegativity-'));
  for (const { from, to } of parts) cpSync(resolve(root, from), join(dir, to), { recursive: true });
  return dir;
}
const electronVersion = (
  JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies.electron!;
const allowlist = JSON.parse(
  readFileSync(resolve(root, 'electronegativity-allowlist.json'), 'utf8'),
) as { excludedChecks: Array<{ check: string; reason: string }>; findings: Allowed[] };

async function main(): Promise<number> {
  // The scanner's own chatter (translation and release look-ups that need the internet).
  const quiet = console.log;
  console.log = () => {};
  const findings: Finding[] = [];
  const parseErrors: string[] = [];
  try {
    for (const [input, parts] of Object.entries(INPUTS)) {
      const outcome = await run(
        {
          input: gather(parts),
          output: null,
          isRelative: true,
          electronVersionOverride: electronVersion,
          excludeFromScan: allowlist.excludedChecks.map(({ check }) => check),
        },
        false,
      );
      for (const issue of outcome.issues)
        findings.push({ check: issue.id, input, file: issue.file, line: issue.location.line });
      for (const error of outcome.errors)
        if (!error.tolerable) parseErrors.push(`${input}: ${error.file}: ${error.message}`);
    }
  } finally {
    console.log = quiet;
  }

  const { accepted, rejected, unused } = applyAllowlist(findings, allowlist.findings);
  console.log(`electronegativity over the sources and the build (Electron ${electronVersion})`);
  for (const finding of accepted)
    console.log(`  allowed  ${finding.check}  ${finding.input}/${finding.file}:${finding.line}`);
  for (const finding of rejected)
    console.log(`  FINDING  ${finding.check}  ${finding.input}/${finding.file}:${finding.line}`);
  for (const entry of unused)
    console.log(
      `  unused allowlist entry: ${entry.check} ${entry.input}/${entry.file} (remove it)`,
    );
  // The bundled third-party code uses syntax the scanner's old parser does not know; the
  // sources that go into the bundle are scanned on their own, so this is reported, not fatal.
  for (const error of parseErrors) console.log(`  not parsed: ${error}`);
  console.log(
    `${rejected.length === 0 ? 'clean' : `${rejected.length} finding(s) to fix or allow`}`,
  );
  return rejected.length === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
