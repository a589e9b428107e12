import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/model/connection-state';
import type { SseEvent } from '../../shared/model/sse-event';
import { createFormatter, defaultFormat } from './watch-output';

const AT = Date.UTC(2026, 0, 2, 3, 4, 5, 6);

function event(overrides: Partial<SseEvent> = {}): SseEvent {
  return {
    type: 'message',
    data: 'hello',
    lastEventId: '',
    attempt: 1,
    sizeBytes: 5,
    receivedAt: AT,
    ...overrides,
  };
}

const retrying: ConnectionState = {
  type: 'retrying',
  at: AT,
  attempt: 2,
  delayMs: 1500,
  until: AT + 1500,
  reason: 'HTTP 503 Service Unavailable',
  retry: 1,
  maxAttempts: 5,
  error: { code: 'http-status', message: 'HTTP 503 Service Unavailable', status: 503 },
};

describe('watch output formats', () => {
  it('chooses pretty for a terminal and jsonl for a pipe', () => {
    expect(defaultFormat(true)).toBe('pretty');
    expect(defaultFormat(false)).toBe('jsonl');
  });

  it('writes the documented jsonl event record, with an empty string for an unset id', () => {
    const jsonl = createFormatter('jsonl', { includeStatus: false, color: false });
    expect(jsonl.event(1, event())).toBe(
      '{"kind":"event","seq":1,"type":"message","data":"hello","lastEventId":"",' +
        '"receivedAt":"2026-01-02T03:04:05.006Z","attempt":1}\n',
    );
    expect(JSON.parse(jsonl.event(2, event({ lastEventId: '7', data: 'a\nb' })))).toMatchObject({
      seq: 2,
      data: 'a\nb',
      lastEventId: '7',
    });
  });

  it('writes status records only with includeStatus, with attempt, status, delay and reason', () => {
    expect(createFormatter('jsonl', { includeStatus: false, color: false }).status(retrying)).toBe(
      '',
    );
    const jsonl = createFormatter('jsonl', { includeStatus: true, color: false });
    expect(JSON.parse(jsonl.status(retrying))).toEqual({
      kind: 'status',
      state: 'retrying',
      at: '2026-01-02T03:04:05.006Z',
      attempt: 2,
      status: 503,
      delayMs: 1500,
      retry: 1,
      maxAttempts: 5,
      code: 'http-status',
      reason: 'HTTP 503 Service Unavailable',
    });
    expect(jsonl.status({ type: 'idle', at: AT, attempt: 0 })).toBe('');
    const failed = jsonl.status({
      type: 'failed',
      at: AT,
      attempt: 1,
      error: { code: 'http-status', message: 'HTTP 401 Unauthorized', status: 401 },
    });
    expect(JSON.parse(failed)).toMatchObject({ state: 'failed', status: 401, code: 'http-status' });
  });

  it('re-serialises sse with multi-line data, named types and id changes only', () => {
    const sse = createFormatter('sse', { includeStatus: false, color: false });
    expect(sse.event(1, event({ type: 'tick', data: 'a\nb', lastEventId: '1' }))).toBe(
      'id: 1\nevent: tick\ndata: a\ndata: b\n\n',
    );
    expect(sse.event(2, event({ lastEventId: '1' }))).toBe('data: hello\n\n');
    expect(sse.event(3, event({ lastEventId: '' }))).toBe('id: \ndata: hello\n\n');
  });

  it('escapes control characters in sse written to a terminal, and keeps a piped transcript exact', () => {
    const hostile = event({
      type: '\u001b[2Jt',
      data: '\u001b]0;pwned\u0007',
      lastEventId: '\u009b1',
    });
    const terminal = createFormatter('sse', { includeStatus: false, color: false, terminal: true });
    expect(terminal.event(1, hostile)).toBe(
      'id: \\u009b1\nevent: \\u001b[2Jt\ndata: \\u001b]0;pwned\\u0007\n\n',
    );
    expect(terminal.comment('\u001b[31m', 0)).toBe(':\\u001b[31m\n');
    const piped = createFormatter('sse', { includeStatus: false, color: false });
    expect(piped.event(1, hostile)).toContain('\u001b]0;pwned\u0007');
  });

  it('writes sse status as comments that a replay ignores', () => {
    const sse = createFormatter('sse', { includeStatus: true, color: false });
    expect(sse.status(retrying)).toMatch(/^: retrying \{.*"delayMs":1500.*\}\n\n$/);
  });

  it('prints nothing at all with none', () => {
    const none = createFormatter('none', { includeStatus: true, color: true });
    expect(none.event(1, event())).toBe('');
    expect(none.status(retrying)).toBe('');
  });

  it('shows control characters in pretty output as escapes, never raw', () => {
    const pretty = createFormatter('pretty', { includeStatus: false, color: false });
    const line = pretty.event(1, event({ data: 'a\u001b[2Jb\u0007', lastEventId: '9' }));
    expect(line).not.toContain('\u001b');
    expect(line).toContain('a\\u001b[2Jb\\u0007');
    expect(line).toMatch(/ #1 message id:9 {2}a/);
  });

  it('indents the continuation lines of multi-line data in pretty output', () => {
    const pretty = createFormatter('pretty', { includeStatus: false, color: false });
    expect(
      pretty
        .event(3, event({ data: 'one\ntwo' }))
        .split('\n')
        .slice(1),
    ).toEqual(['    two', '']);
  });

  it('colours pretty output only when asked', () => {
    const plain = createFormatter('pretty', { includeStatus: false, color: false });
    const coloured = createFormatter('pretty', { includeStatus: false, color: true });
    expect(plain.status(retrying)).not.toContain('\u001b[');
    expect(plain.status(retrying)).toContain('retrying in 1.5 s (retry 1 of 5)');
    expect(coloured.status(retrying)).toContain('\u001b[33m');
  });

  it('shows comments in pretty and sse output but keeps jsonl to its two record kinds', () => {
    const options = { includeStatus: true, color: false };
    expect(createFormatter('pretty', options).comment(' heartbeat', AT)).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} : heartbeat\n$/,
    );
    expect(createFormatter('sse', options).comment(' heartbeat', AT)).toBe(': heartbeat\n');
    expect(createFormatter('jsonl', options).comment(' heartbeat', AT)).toBe('');
  });
});
