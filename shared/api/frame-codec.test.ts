import { describe, expect, it } from 'vitest';
import {
  createEventRunLine,
  decodeEntryRows,
  decodeFeedFrame,
  encodeFeedFrame,
  eventLogLine,
  fieldsOf,
  jsonString,
  type EncodedEntry,
  type WireEntry,
} from './frame-codec';
import type { FeedEntry, FeedEventEntry } from './frames';
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
});

describe('an event run line of the session log', () => {
  const runOf = (entries: FeedEventEntry[]): string => {
    const run = createEventRunLine();
    for (const entry of entries) run.add(entry.seq, fieldsOf(entry), jsonString(entry.data));
    return run.take();
  };

  it('reads back as the same events, whatever changes between them', () => {
    const entries = [
      event(7, 'first'),
      event(8, 'same everything'),
      event(9, 'later', { at: 1_700_000_000_016 }),
      event(10, 'typed', { at: 1_700_000_000_016, type: 'delta' }),
      event(11, 'with an id', { at: 1_700_000_000_016, type: 'delta', lastEventId: '42' }),
      event(12, 'another attempt', { at: 1_700_000_000_016, lastEventId: '42', attempt: 2 }),
      event(13, 'ünïcödé 🎉 sized in UTF-8', { at: 1_700_000_000_016, attempt: 2 }),
      event(14, 'after non-ASCII', { at: 1_700_000_000_016, attempt: 2 }),
      event(15, 'quote " and\nnewline', { at: 1_700_000_000_020, type: 'a "quoted" type' }),
      event(16, '', { at: 1_700_000_000_020, type: 'a "quoted" type' }),
    ];
    const line = runOf(entries);
    const parsed = JSON.parse(line) as { kind: string; seq: number; entries: WireEntry[] };
    expect(parsed.kind).toBe('events');
    expect(parsed.seq).toBe(7);
    expect(decodeEntryRows(parsed.seq, parsed.entries)).toEqual(entries);
  });

  it('carries a run of small events as little more than their data', () => {
    const entries = Array.from({ length: 64 }, (_, i) => event(i + 1, 'x'.repeat(64)));
    const line = runOf(entries);
    expect(line.length / 64).toBeLessThan(70);
    // The first row always has every field: a line read alone is whole.
    const parsed = JSON.parse(line) as { entries: WireEntry[] };
    expect(Array.isArray(parsed.entries[0])).toBe(true);
    expect(parsed.entries.slice(1).every((row) => typeof row === 'string')).toBe(true);
  });

  it('is empty once taken, and starts the next run at its own first event', () => {
    const run = createEventRunLine();
    expect(run.take()).toBe('');
    run.add(1, fieldsOf(event(1, 'a')), '"a"');
    expect(run.nextSeq).toBe(2);
    run.take();
    expect(run.events).toBe(0);
    run.add(2, fieldsOf(event(2, 'b')), '"b"');
    const parsed = JSON.parse(run.take()) as { seq: number; entries: WireEntry[] };
    expect(decodeEntryRows(parsed.seq, parsed.entries)).toEqual([event(2, 'b')]);
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
