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

/**
 * Only the paths of a schema failure ("endpoints.0.url, name"), for a page that words the
 * failure in its own language: zod's messages are English sentences, the paths are names.
 */
export function issuePaths(error: z.ZodError, max = 5): string {
  const paths = [
    ...new Set(
      error.issues.map((issue) =>
        issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
      ),
    ),
  ];
  const shown = paths.slice(0, max).join(', ');
  return paths.length > max ? `${shown} (+${paths.length - max})` : shown;
}
