/**
 * The default branch of a `switch` over a union: the compiler proves it unreachable, and if a
 * value from outside the types arrives anyway (a file from a newer version), it fails loudly.
 */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
