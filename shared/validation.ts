import type { z } from 'zod';

/**
 * Human lines for a schema failure: the path and zod's message, never the offending value,
 * which may be a secret (no plaintext secret in error messages: docs/architecture.md, "Persistence and secrets").
 */
export function describeIssues(error: z.ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length - lines.length;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}
