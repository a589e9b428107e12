/** Shorter values are too likely to occur by chance in a message ("on", "1") to be replaced. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces secret header values (and their credential part, e.g. the token of
 * "Bearer <token>") in text bound for the terminal. A server that echoes the Authorization header
 * in its 401 body must not make us print the token.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = new Set<string>();
  for (const secret of secrets) {
    needles.add(secret);
    const credential = /^\S+\s+(\S.*)$/.exec(secret)?.[1];
    if (credential !== undefined) needles.add(credential);
  }
  const sorted = [...needles].filter((n) => n.length >= MIN_SECRET_LENGTH);
  // Longest first, so "Bearer abc" is replaced whole before "abc" alone.
  sorted.sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return (text) => text;
  return (text) => sorted.reduce((out, needle) => out.split(needle).join('[redacted]'), text);
}
