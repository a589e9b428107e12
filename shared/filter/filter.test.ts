import { describe, expect, it } from 'vitest';
import { parseFilter, type EventFilter, type FilterableEntry } from './index';

function filterOf(text: string): EventFilter {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new Error(`unexpected error: ${parsed.error.message}`);
  return parsed.filter;
}

function errorOf(text: string): { message: string; start: number; end: number } {
  const parsed = parseFilter(text);
  if (parsed.ok) throw new Error(`expected "${text}" to be rejected`);
  return parsed.error;
}

function ev(data: string, type = 'message', lastEventId = ''): FilterableEntry {
  return { type, data, lastEventId };
}

describe('parseFilter: plain text', () => {
  it('matches every event when the text is empty or blank', () => {
    expect(filterOf('').matches(ev('x'))).toBe(true);
    expect(filterOf('   ').isEmpty).toBe(true);
  });

  it('finds a word anywhere in the data, ignoring case', () => {
    const filter = filterOf('Hello');
    expect(filter.matches(ev('say hello world'))).toBe(true);
    expect(filter.matches(ev('goodbye'))).toBe(false);
  });

  it('requires every space-separated term to match (AND)', () => {
    const filter = filterOf('alpha beta');
    expect(filter.matches(ev('alpha and beta'))).toBe(true);
    expect(filter.matches(ev('alpha only'))).toBe(false);
  });

  it('excludes events matching a term written with a leading "-"', () => {
    const filter = filterOf('error -timeout');
    expect(filter.matches(ev('error: disk full'))).toBe(true);
    expect(filter.matches(ev('error: timeout'))).toBe(false);
  });

  it('keeps the spaces of a quoted phrase and treats regex characters literally', () => {
    const filter = filterOf('"a (b)*"');
    expect(filter.matches(ev('x a (b)* y'))).toBe(true);
    expect(filter.matches(ev('a b'))).toBe(false);
  });

  it('reads text that merely contains a colon, like a URL, as plain text', () => {
    expect(filterOf('http://x').matches(ev('see http://x/y'))).toBe(true);
  });
});

describe('parseFilter: regular expressions', () => {
  it('tests /pattern/flags against the data', () => {
    const filter = filterOf('/^err(or)?\\b/i');
    expect(filter.matches(ev('ERROR here'))).toBe(true);
    expect(filter.matches(ev('an error'))).toBe(false);
  });

  it('gives the same answer on every call even with the g flag', () => {
    const filter = filterOf('/a/g');
    expect([1, 2, 3].map(() => filter.matches(ev('a')))).toEqual([true, true, true]);
  });

  it('allows a slash inside a character class or escaped', () => {
    expect(filterOf('/a[/]b/').matches(ev('a/b'))).toBe(true);
    expect(filterOf('/a\\/b/').matches(ev('a/b'))).toBe(true);
  });

  it('explains an invalid regular expression with its position', () => {
    const error = errorOf('ok /a(b/');
    expect(error.message).toMatch(/invalid regular expression/);
    expect(error).toMatchObject({ start: 3, end: 8 });
  });

  it('explains a regular expression without its closing slash', () => {
    expect(errorOf('/abc')).toMatchObject({
      start: 0,
      end: 4,
      message: expect.stringMatching(/closing "\/"/),
    });
  });
});

describe('parseFilter: type: and id:', () => {
  it('matches the event type exactly', () => {
    const filter = filterOf('type:delta');
    expect(filter.matches(ev('x', 'delta'))).toBe(true);
    expect(filter.matches(ev('x', 'delta2'))).toBe(false);
  });

  it('excludes a type with -type:', () => {
    expect(filterOf('-type:ping').matches(ev('x', 'ping'))).toBe(false);
    expect(filterOf('-type:ping').matches(ev('x', 'message'))).toBe(true);
  });

  it('matches the last event ID, quoted or bare, and id:"" finds events without one', () => {
    expect(filterOf('id:42').matches(ev('x', 'message', '42'))).toBe(true);
    expect(filterOf('id:"a b"').matches(ev('x', 'message', 'a b'))).toBe(true);
    expect(filterOf('id:""').matches(ev('x', 'message', ''))).toBe(true);
    expect(filterOf('id:""').matches(ev('x', 'message', '1'))).toBe(false);
  });

  it('rejects type: and id: without a value', () => {
    expect(errorOf('a type:')).toMatchObject({ start: 2, end: 7 });
    expect(errorOf('id:').message).toMatch(/needs a value/);
  });
});

describe('parseFilter: JSON conditions', () => {
  const chunk = JSON.stringify({
    choices: [{ delta: { content: 'Hi' } }],
    level: 'error',
    n: 12,
    error: null,
  });

  it('finds a path that is present and not null', () => {
    expect(filterOf('$.choices[0].delta.content').matches(ev(chunk))).toBe(true);
    expect(filterOf('$.choices[1].delta').matches(ev(chunk))).toBe(false);
    expect(filterOf('$.error').matches(ev(chunk))).toBe(false);
  });

  it('exists() counts a present null', () => {
    expect(filterOf('exists($.error)').matches(ev(chunk))).toBe(true);
    expect(filterOf('exists($.missing)').matches(ev(chunk))).toBe(false);
    expect(filterOf('-exists($.error)').matches(ev('{"ok":1}'))).toBe(true);
  });

  it('compares strings with == and != , with or without spaces around the operator', () => {
    expect(filterOf('$.level == "error"').matches(ev(chunk))).toBe(true);
    expect(filterOf('$.level=="error"').matches(ev(chunk))).toBe(true);
    expect(filterOf("$.level == 'warn'").matches(ev(chunk))).toBe(false);
    expect(filterOf('$.level != warn').matches(ev(chunk))).toBe(true);
  });

  it('compares numbers, accepting numeric strings in the data', () => {
    expect(filterOf('$.n > 10').matches(ev(chunk))).toBe(true);
    expect(filterOf('$.n <= 11').matches(ev(chunk))).toBe(false);
    expect(filterOf('$.n >= 12').matches(ev('{"n":"12"}'))).toBe(true);
    expect(filterOf('$.n == 12').matches(ev('{"n":"12"}'))).toBe(true);
  });

  it('treats a missing value as null for == and != (as jq does)', () => {
    expect(filterOf('$.gone == null').matches(ev('{}'))).toBe(true);
    expect(filterOf('$.gone != "x"').matches(ev('{}'))).toBe(true);
  });

  it('never matches a JSON condition on data that is not JSON, and its negation always does', () => {
    expect(filterOf('$.level == "error"').matches(ev('level error'))).toBe(false);
    expect(filterOf('-$.level == "error"').matches(ev('"level" error'))).toBe(true);
  });

  it('reads keys written with escapes in the data', () => {
    expect(filterOf('$.level == "error"').matches(ev('{"\\u006cevel":"error"}'))).toBe(true);
  });

  it('reads quoted keys in the path', () => {
    expect(filterOf('$["a b"][0] == 1').matches(ev('{"a b":[1]}'))).toBe(true);
  });

  it('combines JSON conditions with text and type terms', () => {
    const filter = filterOf('type:chunk $.n > 10 -$.level == "info" hi');
    expect(filter.matches(ev('{"n":11,"level":"debug","t":"hi"}', 'chunk'))).toBe(true);
    expect(filter.matches(ev('{"n":11,"level":"info","t":"hi"}', 'chunk'))).toBe(false);
    expect(filter.matches(ev('{"n":11,"level":"debug","t":"hi"}', 'other'))).toBe(false);
  });

  it('parses the data once per evaluation however many JSON terms there are', () => {
    const filter = filterOf('$.a $.b == 2 exists($.c) $.d < 5');
    const original = JSON.parse;
    let calls = 0;
    JSON.parse = ((text: string) => {
      calls++;
      return original(text) as unknown;
    }) as typeof JSON.parse;
    try {
      expect(filter.matches(ev('{"a":1,"b":2,"c":null,"d":1}'))).toBe(true);
    } finally {
      JSON.parse = original;
    }
    expect(calls).toBe(1);
  });

  it('explains a comparison without a value, a non-number after ">", and a broken path', () => {
    expect(errorOf('$.level ==')).toMatchObject({
      start: 8,
      end: 10,
      message: expect.stringMatching(/value must follow/),
    });
    expect(errorOf('$.n > ten')).toMatchObject({
      start: 6,
      end: 9,
      message: expect.stringMatching(/numbers/),
    });
    expect(errorOf('$.a[x]')).toMatchObject({ start: 3 });
    expect(errorOf('$.')).toMatchObject({ start: 1, end: 2 });
    expect(errorOf('exists($.a')).toMatchObject({
      start: 10,
      message: expect.stringMatching(/"\)"/),
    });
  });

  it('reads a dollar amount as plain text', () => {
    expect(filterOf('$100').matches(ev('costs $100'))).toBe(true);
  });
});

describe('parseFilter: other errors', () => {
  it('explains a dangling "-" and an unclosed quote', () => {
    expect(errorOf('a - b')).toMatchObject({ start: 2, end: 3 });
    expect(errorOf('"abc')).toMatchObject({
      start: 0,
      end: 4,
      message: expect.stringMatching(/closing/),
    });
  });
});

describe('EventFilter.highlight', () => {
  it('returns the merged ranges of positive text and regex terms in the data', () => {
    const filter = filterOf('ab /b+c/ -zz type:x');
    expect(filter.highlight('xabbc ab')).toEqual([
      { start: 1, end: 5 },
      { start: 6, end: 8 },
    ]);
  });

  it('returns nothing for filters without text terms', () => {
    expect(filterOf('$.a').highlight('{"a":1}')).toEqual([]);
  });
});
