import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function summarize(report: object | null, status: number, checks: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'eventscope-ci-'));
  const path = join(dir, 'vitest.json');
  if (report) writeFileSync(path, JSON.stringify(report));
  const run = spawnSync(
    process.execPath,
    ['scripts/ci-summary.cjs', path, String(status), ...checks],
    {
      encoding: 'utf8',
    },
  );
  return { line: run.stdout.trim().split('\n').pop(), code: run.status };
}

describe('the CI summary line', () => {
  it('prints vitest totals as "N passed, N failed" and succeeds when all passed', () => {
    expect(summarize({ numPassedTests: 12, numFailedTests: 0, testResults: [] }, 0)).toEqual({
      line: '12 passed, 0 failed',
      code: 0,
    });
  });

  it('fails and counts failures from the report', () => {
    expect(summarize({ numPassedTests: 10, numFailedTests: 2, testResults: [] }, 1)).toEqual({
      line: '10 passed, 2 failed',
      code: 1,
    });
  });

  it('counts a suite that failed to load as a failure', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [{ status: 'failed', assertionResults: [] }],
    };
    expect(summarize(report, 1)).toEqual({ line: '3 passed, 1 failed', code: 1 });
  });

  it('fails when a step before vitest failed and left no report', () => {
    expect(summarize(null, 2)).toEqual({ line: '0 passed, 1 failed', code: 1 });
  });

  it('reports skipped tests after the totals', () => {
    expect(
      summarize({ numPassedTests: 4, numFailedTests: 0, numPendingTests: 3, testResults: [] }, 0),
    ).toEqual({
      line: '4 passed, 0 failed, 3 skipped',
      code: 0,
    });
  });

  it('counts a check run beside vitest as one test, failing the run when it failed', () => {
    const report = { numPassedTests: 5, numFailedTests: 0, testResults: [] };
    expect(summarize(report, 0, ['pack:check=0'])).toEqual({ line: '6 passed, 0 failed', code: 0 });
    expect(summarize(report, 0, ['pack:check=1'])).toEqual({ line: '5 passed, 1 failed', code: 1 });
  });
});
