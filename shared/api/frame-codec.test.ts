import { describe, expect, it } from 'vitest';
import {
  createEventLineMaker,
  decodeFeedFrame,
  encodeFeedFrame,
  eventLogLine,
  fieldsOf,
  jsonString,
  type EncodedEntry,
} from './frame-codec';
import type { FeedEntry } from './frames';
import { eventEntry } from '../../tests/support/feeds/frames';

const event = eventEntry;

/** What the feed manager hands the frame queue: an event's data JSON, another entry's JSON. */
function encoded(entry: FeedEntry): EncodedEntry {
  return { entry, json: JSON.stringify(entry.kind === 'event' ? entry.data : entry) };
}

describe('the feed frame wire form', () => {
  it('decodes to the same entries it encoded, whatever changes between events', () => {
    const entries: FeedEntry[] = [
      event(5, 'first'),
      event(6, 'same at, type and id'),
      event(7, 'later', { at: 1_700_000_000_016 }),
      event(8, 'typed', { at: 1_700_000_000_016, type: 'delta' }),
      { seq: 9, at: 1_700_000_000_017, kind: 'comment', text: 'heartbeat' },
      event(10, 'after a comment', { at: 1_700_000_000_016, type: 'delta' }),
      event(11, 'with an id', { at: 1_700_000_000_016, type: 'delta', lastEventId: '42' }),
      event(12, 'ünïcödé 🎉 sized in UTF-8', { at: 1_700_000_000_016, lastEventId: '42' }),
      event(13, '', { attempt: 2, lastEventId: '' }),
      { seq: 14, at: 1_700_000_000_020, kind: 'retry', ms: 3000 },
    ];
    const text = encodeFeedFrame('feed-1', 5, 3, entries.map(encoded));
    expect(decodeFeedFrame(text)).toEqual({ feedId: 'feed-1', firstSeq: 5, entries, dropped: 3 });
  });

  it('carries a frame with no entries, only drops', () => {
    const text = encodeFeedFrame('f', 101, 100, []);
    expect(decodeFeedFrame(text)).toEqual({
      feedId: 'f',
      firstSeq: 101,
      entries: [],
      dropped: 100,
    });
  });

  it('sends a run of small events as little more than their data', () => {
    const data = 'x'.repeat(64);
    const entries = Array.from({ length: 1000 }, (_, i) => event(i + 1, data));
    const text = encodeFeedFrame('f', 1, 0, entries.map(encoded));
    // 64 B of data + two quotes + a comma each; the objects the log keeps take ~183 B.
    expect(text.length / entries.length).toBeLessThan(68);
    expect(JSON.stringify(entries).length / entries.length).toBeGreaterThan(160);
  });

  it('refuses text that is not a frame with a clear error', () => {
    expect(() => decodeFeedFrame('{"type":"result"}')).toThrow(/not a feed frame/);
  });
});

describe('the session log line of an event', () => {
  it('is exactly JSON.stringify of the entry, for any text the data may hold', () => {
    const tricky = [
      'plain',
      'quote " backslash \\ slash /',
      'new\nline\r\ttab',
      '\u2028\u2029 line separators',
      'lone surrogate \ud800 end',
      'control \u0000\u001f',
      'émoji 🎉',
    ];
    for (const data of tricky) {
      const entry = event(1, data, { type: data, lastEventId: data });
      expect(eventLogLine(entry, JSON.stringify(data))).toBe(JSON.stringify(entry));
    }
  });

  it("is the same from the feed's line maker, event after event, whatever changes between them", () => {
    const line = createEventLineMaker();
    const entries = [
      event(1, 'first'),
      event(2, 'same everything'),
      event(3, 'later', { at: 1_700_000_000_016 }),
      event(4, 'typed', { at: 1_700_000_000_016, type: 'delta' }),
      event(5, 'with an id', { at: 1_700_000_000_016, type: 'delta', lastEventId: '42' }),
      event(6, 'another attempt', { at: 1_700_000_000_016, lastEventId: '42', attempt: 2 }),
      event(7, 'id reset', { at: 1_700_000_000_016, attempt: 2 }),
      event(8, 'ünïcödé 🎉', { at: 1_700_000_000_020, type: 'a "quoted" type' }),
    ];
    for (const entry of entries) {
      expect(line(entry.seq, fieldsOf(entry), jsonString(entry.data))).toBe(JSON.stringify(entry));
    }
  });
});

describe('the JSON text of a string', () => {
  it('is exactly what JSON.stringify makes, for any text the data may hold', () => {
    const texts = [
      '',
      'plain ascii with spaces and digits 0123',
      'quote " backslash \\ slash /',
      'new\nline\r\ttab',
      '\u2028\u2029 line separators',
      'lone high \ud800 end',
      'lone low \udfff end',
      'pair 🎉 and é',
      'control \u0000\u001f and DEL \u007f',
    ];
    for (const text of texts) expect(jsonString(text)).toBe(JSON.stringify(text));
    for (let code = 0; code < 0x10000; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(jsonString(text)).toBe(JSON.stringify(text));
    }
  });
});
