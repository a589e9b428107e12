import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSseParser, SseLimitError } from './parser';
import { createSizeScanner } from './wasm/size-scan';
import { SPEC_CASES, encodeBody } from '../../../tests/support/sse/parser-spec-cases';
import { runSizesOnly, sampleStream } from '../../../tests/support/sse/size-only-run';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What a counting consumer expects from a case's full events: their data's UTF-8 size. */
function sizesOf(c: (typeof SPEC_CASES)[number]) {
  return c.expected.map((r) =>
    r.kind === 'event' ? { kind: 'size' as const, bytes: encode(r.data).length } : r,
  );
}

describe('size-only mode through the WebAssembly scanner', () => {
  it('has a scanner on this Node (WebAssembly with SIMD), so the tests below exercise it', () => {
    expect(createSizeScanner()).not.toBeNull();
  });

  it('gives every conformance case the sizes, comments, retries and last event id of its full events', () => {
    for (const c of SPEC_CASES) {
      for (const wasmSizeScan of [true, false]) {
        const got = runSizesOnly(
          c.responses.map((b) => [encodeBody(b)]),
          { ...c.options, wasmSizeScan },
        );
        expect(got, `${c.name} (wasm ${wasmSizeScan})`).toEqual({
          records: sizesOf(c),
          lastEventId: c.lastEventId,
        });
      }
    }
  });

  it('counts more events in one read than the scanner records at a time (4,096), with the last id', () => {
    const body = sampleStream(10_000);
    const wasm = runSizesOnly([[body]]);
    const js = runSizesOnly([[body]], { wasmSizeScan: false });
    expect(wasm.records.filter((r) => r.kind === 'size')).toHaveLength(10_000);
    expect(wasm).toEqual(js);
    expect(wasm.lastEventId).toBe('9999');
  });

  it('shows a handler the id of the event being counted, and stops the read when the handler ends the body', () => {
    const seen: string[] = [];
    const parser = createSseParser({
      onEvent: () => undefined,
      onEventSize: () => {
        seen.push(parser.lastEventId);
        if (seen.length === 3) parser.end();
      },
    });
    parser.setSizesOnly(true);
    parser.feed(encode('id: a\ndata: 1\n\ndata: 2\n\nid: c\ndata: 3\n\nid: d\ndata: 4\n\n'));
    expect(seen).toEqual(['a', 'a', 'c']);
    expect(parser.lastEventId).toBe('c');
  });

  it('keeps an id set by a handler until a later id line of the same read is dispatched', () => {
    const parser = createSseParser({
      onEvent: () => undefined,
      onEventSize: (bytes) => {
        if (bytes === 2) parser.setLastEventId('from-handler');
      },
    });
    parser.setSizesOnly(true);
    parser.feed(encode('id: 1\ndata: a\n\nid: 2\ndata: bb\n\ndata: c\n\n'));
    expect(parser.lastEventId).toBe('from-handler');
    parser.feed(encode('id: 4\ndata: d\n\n'));
    expect(parser.lastEventId).toBe('4');
  });

  it('rejects a data line over maxEventBytes with the same error as the JS scan', () => {
    for (const wasmSizeScan of [true, false]) {
      const parser = createSseParser(
        { onEvent: () => undefined, onEventSize: () => undefined },
        { maxEventBytes: 8, wasmSizeScan },
      );
      parser.setSizesOnly(true);
      expect(() => parser.feed(encode('data: 1234\n\ndata: 123456789\n\n'))).toThrow(SseLimitError);
    }
  });

  it('counts the same without WebAssembly (node --jitless), on the JS scan', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--jitless',
        '--import',
        'tsx',
        resolve('tests/support/sse/size-only-run.ts'),
        '--child',
        '300',
      ],
      { encoding: 'utf8' },
    );
    const child = JSON.parse(out) as { webAssembly: boolean };
    const reads: Uint8Array[] = [];
    const body = sampleStream(300);
    for (let i = 0; i < body.length; i += 4096) reads.push(body.subarray(i, i + 4096));
    expect(child).toEqual({ webAssembly: false, ...runSizesOnly([reads]) });
  });
});

describe('size-only counting in runs (onEventSizes)', () => {
  it('shows the handler the id right after the run’s last event, and a switch back to full events takes the rest of the read', () => {
    const seen: unknown[] = [];
    const parser = createSseParser({
      onEvent: (e) => seen.push(['event', e.data, e.lastEventId]),
      onEventSize: (bytes) => seen.push(['size', bytes]),
      onEventSizes: (events, bytes) => {
        seen.push(['sizes', events, bytes, parser.lastEventId]);
        parser.setSizesOnly(false);
      },
    });
    parser.setSizesOnly(true);
    // After the run's last event: an id-only block (it moves the id) and one more event.
    parser.feed(encode('id: 1\ndata: ab\n\nid: 2\ndata: c\n\nid: 3\n\n'));
    parser.feed(encode('id: 4\ndata: d\n\nid: 5\n\n'));
    expect(seen[0]).toEqual(['sizes', 2, 3, '2']);
    expect(seen.slice(1)).toEqual([['event', 'd', '4']]);
    expect(parser.lastEventId).toBe('5');
  });
});
