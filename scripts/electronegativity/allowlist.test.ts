import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Allowed } from './allowlist';
import { applyAllowlist } from './allowlist';

const allowed: Allowed = {
  check: 'CSP_GLOBAL_CHECK',
  input: 'sources',
  file: 'renderer/index.html',
  reason: 'Reviewed.',
};

describe('the electronegativity allowlist', () => {
  it('accepts a finding listed for its check, scan and file, and rejects the same check elsewhere', () => {
    const listed = {
      check: 'CSP_GLOBAL_CHECK',
      input: 'sources',
      file: 'renderer/index.html',
      line: 10,
    };
    const elsewhere = { ...listed, file: 'renderer/other.html' };
    expect(applyAllowlist([listed, elsewhere], [allowed])).toEqual({
      accepted: [listed],
      rejected: [elsewhere],
      unused: [],
    });
  });

  it('names entries that no longer match any finding', () => {
    expect(applyAllowlist([], [allowed]).unused).toEqual([allowed]);
  });

  it('gives every committed entry and excluded check a reason', () => {
    const file = JSON.parse(
      readFileSync(resolve(__dirname, '../../electronegativity-allowlist.json'), 'utf8'),
    ) as { excludedChecks: Array<{ reason: string }>; findings: Allowed[] };
    for (const entry of [...file.excludedChecks, ...file.findings])
      expect(entry.reason.length).toBeGreaterThan(20);
  });
});
