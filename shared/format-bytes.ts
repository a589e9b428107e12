/**
 * A byte count for people, in binary units: "512 B", "1 KiB", "1.5 MiB". One decimal at most,
 * none when the value is whole, so a limit reads as it was set ("16 MiB") and a size column
 * stays short. Used by the engine's messages and the page alike.
 */
export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) return `${trimmed(bytes / size)} ${unit}`;
  }
  return `${bytes} B`;
}

/** 1.0 → "1", 1.25 → "1.3" (one decimal, trailing zero dropped). */
function trimmed(n: number): string {
  return String(Number(n.toFixed(1)));
}
