/** Shorter values are too likely to occur by chance in a message ("on", "1") to be replaced. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces secret values (and their credential part, e.g. the token of "Bearer <token>"),
 * also as they appear JSON-escaped or URL-encoded, in text bound for a terminal or a log. A
 * server that echoes the Authorization header in its 401 body must not make us print the token.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = new Set<string>();
  const add = (value: string) => {
    needles.add(value);
    // The forms a value takes inside JSON text and inside a URL.
    needles.add(JSON.stringify(value).slice(1, -1));
    needles.add(encodeURIComponent(value));
  };
  for (const secret of secrets) {
    add(secret);
    const credential = /^\S+\s+(\S.*)$/.exec(secret)?.[1];
    if (credential !== undefined) add(credential);
  }
  const sorted = [...needles].filter((n) => n.length >= MIN_SECRET_LENGTH);
  // Longest first, so "Bearer abc" is replaced whole before "abc" alone.
  sorted.sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return (text) => text;
  return (text) =>
    sorted.reduce(
      (out, needle) => (out.includes(needle) ? out.split(needle).join('[redacted]') : out),
      text,
    );
}
