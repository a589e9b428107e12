/** One accepted finding: which check, in which file (relative to the scanned folder), and why. */
export interface Allowed {
  check: string;
  input: string;
  file: string;
  reason: string;
}

export interface Finding {
  check: string;
  input: string;
  file: string;
  line: number;
}

/** Splits findings into those the allowlist accepts and the rest; also names unused entries. */
export function applyAllowlist(findings: readonly Finding[], allowlist: readonly Allowed[]) {
  const matches = (finding: Finding, allowed: Allowed) =>
    allowed.check === finding.check &&
    allowed.input === finding.input &&
    allowed.file === finding.file;
  return {
    accepted: findings.filter((finding) => allowlist.some((allowed) => matches(finding, allowed))),
    rejected: findings.filter((finding) => !allowlist.some((allowed) => matches(finding, allowed))),
    unused: allowlist.filter((allowed) => !findings.some((finding) => matches(finding, allowed))),
  };
}
