import { Buffer } from 'node:buffer';

/**
 * The engine benchmark's workloads (docs/performance.md, "SSE engine"). Bodies are built once, in the server process,
 * and are ASCII so that every client decodes the same amount of text.
 */
export interface Workload {
  id: string;
  label: string;
  events: number;
  /** Length of every event's data, LF joins included: a cheap check that nothing was lost. */
  dataChars: number;
  build(): Buffer;
}

/** A `width`-character payload unique to event `i` (so no client can cache or intern it). */
function payload(i: number, width: number): string {
  const head = `${i}:`;
  return (
    head +
    'abcdefghijklmnopqrstuvwxyz0123456789'
      .repeat(Math.ceil(width / 36))
      .slice(0, width - head.length)
  );
}

function build(count: number, event: (i: number) => string): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(event(i));
  return Buffer.from(parts.join(''), 'latin1');
}

export const WORKLOADS: readonly Workload[] = [
  {
    id: 'W1',
    label: '200k events × 64 B',
    events: 200_000,
    dataChars: 64,
    build: () => build(200_000, (i) => `data: ${payload(i, 64)}\n\n`),
  },
  {
    id: 'W2',
    label: '20k events × 4 KiB',
    events: 20_000,
    dataChars: 4096,
    build: () => build(20_000, (i) => `data: ${payload(i, 4096)}\n\n`),
  },
  {
    id: 'W3',
    label: '2k events × 64 KiB in 64 data lines',
    events: 2_000,
    // 64 lines of 1023 characters joined by 63 LFs: 65,535 characters of data.
    dataChars: 64 * 1023 + 63,
    build: () =>
      build(2_000, (i) => {
        let block = '';
        for (let l = 0; l < 64; l++) block += `data: ${payload(i * 64 + l, 1023)}\n`;
        return block + '\n';
      }),
  },
  {
    id: 'W4',
    label: '100k events with id + event, CRLF',
    events: 100_000,
    dataChars: 64,
    build: () =>
      build(100_000, (i) => `id: ${i}\r\nevent: update\r\ndata: ${payload(i, 64)}\r\n\r\n`),
  },
];

/** Memory check: one event whose data is a single 64 MiB line. */
export const BIG_EVENT_BYTES = 64 * 1024 * 1024;
/** Memory check: this many small events through one connection. */
export const MANY_EVENTS = 1_000_000;

export function buildBigEvent(): Buffer {
  const body = Buffer.alloc(BIG_EVENT_BYTES + 8, 0x61); // 'a'
  body.write('data: ', 0, 'latin1');
  body.write('\n\n', BIG_EVENT_BYTES + 6, 'latin1');
  return body;
}

export function buildManyEvents(): Buffer {
  return build(MANY_EVENTS, (i) => `id: ${i}\ndata: ${payload(i, 48)}\n\n`);
}
