// Prints vitest's totals as the one closing line CI reads ("N passed, N failed") and exits
// non-zero on any failure — including a step before vitest (typecheck, lint, build) failing,
// which leaves no report and counts as one failure.
'use strict';
const { existsSync, readFileSync } = require('node:fs');

// Further arguments `name=status` are whole checks run beside vitest (pack:check): each counts
// as one passed or failed test.
const [reportPath = 'test-results/vitest.json', statusArg = '0', ...checks] = process.argv.slice(2);
const status = Number(statusArg);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load (syntax error, missing module) has no failed *tests*.
  const brokenSuites = (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
  ).length;
  failed += brokenSuites;
}
if (status !== 0 && failed === 0) failed = 1;
for (const check of checks) {
  const [name, checkStatus] = check.split('=');
  if (Number(checkStatus) === 0) passed++;
  else {
    failed++;
    console.log(`${name} failed (exit ${checkStatus})`);
  }
}
if (passed + failed === 0) {
  console.log('no tests ran');
  failed = 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
