import { describe, expect, it } from 'vitest';
import { SPEC_CASES, encodeBody, runParser } from '../../../tests/support/sse/parser-spec-cases';

describe('SSE parser conformance table (WHATWG "Interpreting an event stream" + wpt eventsource/)', () => {
  it.each(SPEC_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { records, lastEventId } = runParser(
      c.responses.map((body) => [encodeBody(body)]),
      c.options,
    );
    expect(records).toEqual(c.expected);
    expect(lastEventId).toBe(c.lastEventId);
  });

  it('gives the same result when every response is fed one byte at a time', () => {
    for (const c of SPEC_CASES) {
      const { records, lastEventId } = runParser(
        c.responses.map((body) => [...encodeBody(body)].map((b) => Uint8Array.of(b))),
        c.options,
      );
      expect(records, c.name).toEqual(c.expected);
      expect(lastEventId, c.name).toBe(c.lastEventId);
    }
  });
});
