/**
 * Runs response bodies through the parser in size-only mode and reports what a counting
 * consumer sees. Test-only; also run as a child process (`node --jitless`) by
 * parser.size-scan.test.ts, where it prints its result as JSON.
 */
import { createSseParser, type SseParserOptions } from '../../../electron/core/sse/parser';

export type SizeRecord =
  | { kind: 'size'; bytes: number }
  | { kind: 'comment'; text: string }
  | { kind: 'retry'; ms: number };

export function runSizesOnly(
  responses: readonly (readonly Uint8Array[])[],
  options?: SseParserOptions,
): { records: SizeRecord[]; lastEventId: string } {
  const records: SizeRecord[] = [];
  const parser = createSseParser(
    {
      onEvent: () => {
        throw new Error('size-only mode reported a full event');
      },
      onEventSize: (bytes) => records.push({ kind: 'size', bytes }),
      onComment: (text) => records.push({ kind: 'comment', text }),
      onRetry: (ms) => records.push({ kind: 'retry', ms }),
    },
    options,
  );
  parser.setSizesOnly(true);
  for (const chunks of responses) {
    for (const chunk of chunks) parser.feed(chunk);
    parser.end();
  }
  return { records, lastEventId: parser.lastEventId };
}

/** The stream the child process parses: ids, types, CRLF, a comment and a retry. */
export function sampleStream(events: number): Uint8Array {
  let text = ':hello\r\nretry: 2500\r\n';
  for (let i = 0; i < events; i++)
    text += `id: ${i}\r\nevent: tick\r\ndata: ${'v'.repeat(i % 50)}\r\n\r\n`;
  return new TextEncoder().encode(text);
}

if (process.argv[2] === '--child') {
  const body = sampleStream(Number(process.argv[3]));
  const reads: Uint8Array[] = [];
  for (let i = 0; i < body.length; i += 4096) reads.push(body.subarray(i, i + 4096));
  const result = runSizesOnly([reads]);
  process.stdout.write(
    `${JSON.stringify({ webAssembly: typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object', ...result })}\n`,
  );
}
