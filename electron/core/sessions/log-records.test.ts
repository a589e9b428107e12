import { describe, expect, it } from 'vitest';
import { createEventRunLine, fieldsOf, jsonString } from '../../../shared/api/frame-codec';
import { eventEntry } from '../../../tests/support/feeds/frames';
import { parseLogRecords } from './log-records';

describe('the records of a session log line', () => {
  it('are every event of an event run line, in order, with their seqs', () => {
    const events = [
      eventEntry(41, 'one'),
      eventEntry(42, 'two'),
      eventEntry(43, 'ünï', { type: 'delta', lastEventId: '7' }),
    ];
    const run = createEventRunLine();
    for (const e of events) run.add(e.seq, fieldsOf(e), jsonString(e.data));
    expect(parseLogRecords(run.take())).toEqual(events);
  });

  it('are the one record of an object line, as logs written before event runs hold them', () => {
    const event = eventEntry(1, 'old');
    expect(parseLogRecords(JSON.stringify(event))).toEqual([event]);
    const header = { kind: 'session', feedId: 'f', name: 'n', method: 'GET', url: 'u' };
    expect(parseLogRecords(JSON.stringify(header))).toEqual([header]);
  });

  it('leave out a damaged row of a run, the others keeping their seqs', () => {
    const line =
      '{"kind":"events","seq":10,"entries":[["a",5,"message","",1],7,"c",["d",null,"x","",1],"e"]}';
    expect(parseLogRecords(line).map((r) => ('seq' in r ? [r.seq, r.kind] : []))).toEqual([
      [10, 'event'],
      [12, 'event'],
      [14, 'event'],
    ]);
  });

  it('are none for a torn line, a line that is not a record, or a malformed run', () => {
    expect(parseLogRecords('{"kind":"events","seq":1,"entries":[["a",1,"message",')).toEqual([]);
    expect(parseLogRecords('')).toEqual([]);
    expect(parseLogRecords('[1,2]')).toEqual([]);
    expect(parseLogRecords('{"kind":"events","entries":[]}')).toEqual([]);
    expect(parseLogRecords('{"kind":"events","seq":1,"entries":"x"}')).toEqual([]);
  });
});
