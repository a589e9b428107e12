import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Leniently, splitBashWords } from './bash-words';
import { messages } from '../../../tests/support/import-notes';

function words(input: string): string[] {
  const result = splitBashWords(input);
  if (!result.ok) throw new Error(result.message);
  return result.words;
}

/** Bash manual §3.1.2.2: `'…'`, with each `'` written as `'\''`. */
function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Chrome DevTools' escapeStringPosix (front_end/panels/network/NetworkLogView.ts). */
function chromeQuote(text: string): string {
  // eslint-disable-next-line no-control-regex -- Chrome's own pattern, copied as it is
  if (!/[\0-\x1F\x7F-\x9F!]|'/.test(text)) return `'${text}'`;
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    // eslint-disable-next-line no-control-regex -- Chrome's own pattern, copied as it is
    .replace(/[\0-\x1F\x7F-\x9F!]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `$'${escaped}'`;
}

/** Firefox's escapeStringPosix (devtools/client/shared/curl.js): `\xHH` below 256, else `\uHHHH`. */
function firefoxQuote(text: string): string {
  if (!/[^\x20-\x7E]|'/.test(text)) return `'${text}'`;
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/[^\x20-\x7E]/g, (c) => {
      const code = c.charCodeAt(0);
      return code < 256
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
    });
  return `$'${escaped}'`;
}

describe('splitBashWords', () => {
  it('splits on blanks and joins lines ended by a backslash', () => {
    expect(words("curl 'https://h/x' \\\n  -H 'a: b' \\\n  --compressed")).toEqual([
      'curl',
      'https://h/x',
      '-H',
      'a: b',
      '--compressed',
    ]);
  });

  it('treats a backslash before CRLF as a line continuation too', () => {
    expect(words("curl 'https://h/' \\\r\n  -s\r\n")).toEqual(['curl', 'https://h/', '-s']);
  });

  it.each([
    [
      'single quotes keep backslashes and dollars',
      String.raw`'a\n $HOME \'`,
      String.raw`a\n $HOME \ `.trimEnd(),
    ],
    ['an escaped quote between single-quoted parts', String.raw`'it'\''s'`, "it's"],
    [
      'double quotes unescape only $ ` " \\',
      String.raw`"a \"b\" \$c \`d\` \\ e\f"`,
      'a "b" $c `d` \\ e\\f',
    ],
    ['a backslash-newline inside double quotes disappears', '"multi\\\nline"', 'multiline'],
    ['adjacent quoted parts make one word', `'a'"b"$'c'd`, 'abcd'],
    ['an escaped blank does not split', String.raw`a\ b`, 'a b'],
    ['$"…" reads as double quotes', '$"hi there"', 'hi there'],
    ['a lone $ is literal', '$', '$'],
    ['# inside a word is not a comment', 'a#b', 'a#b'],
  ])('%s', (_, input, expected) => {
    expect(words(`curl ${input}`)).toEqual(['curl', expected]);
  });

  it("decodes the ANSI-C escapes of $'…' as bash 5.2 does", () => {
    const input = String.raw`$'t\tn\nr\rx\x41o\101u\u00e9U\U0001F600c\cAe\e\'\"\?\\'`;
    expect(words(input)).toEqual(['t\tn\nr\rxAoAuéU😀c\x01e\x1b\'"?\\']);
  });

  it('keeps unknown ANSI-C escapes and escapes without digits as written', () => {
    expect(words(String.raw`$'\q\x\u'`)).toEqual(['\\q\\x\\u']);
  });

  it('decodes \\xHH bytes as UTF-8 and pairs UTF-16 surrogates written as \\uHHHH', () => {
    expect(words(String.raw`$'\xc3\xa9 \303\251 \uD83D\uDE00'`)).toEqual(['é é 😀']);
  });

  it('reads \\xHH bytes that are not UTF-8 as Latin-1 and says so', () => {
    const result = splitBashWords(String.raw`$'caf\xe9'`);
    expect(result).toMatchObject({ ok: true, words: ['café'] });
    expect(result.ok && messages(result.warnings).join()).toMatch(/Latin-1/);
  });

  it('keeps an empty quoted word', () => {
    expect(words(`curl '' "" -s`)).toEqual(['curl', '', '', '-s']);
  });

  it('drops a comment and a redirection with its target', () => {
    expect(words('curl -s https://h/ 2>/dev/null >out.txt # tail it')).toEqual([
      'curl',
      '-s',
      'https://h/',
    ]);
  });

  it('stops at a pipe and notes that the rest was not imported', () => {
    const result = splitBashWords("curl -sN 'https://h/' | jq -c .");
    expect(result).toMatchObject({ ok: true, words: ['curl', '-sN', 'https://h/'] });
    expect(result.ok && messages(result.warnings)).toEqual([
      'the command ends at "|"; only the first command was imported',
    ]);
  });

  it('stops at an unescaped newline', () => {
    const result = splitBashWords('curl https://h/a\ncurl https://h/b');
    expect(result).toMatchObject({ ok: true, words: ['curl', 'https://h/a'] });
    expect(result.ok && messages(result.warnings).length).toBe(1);
  });

  it('turns $NAME and ${NAME} into placeholders when asked, and lists them', () => {
    const result = splitBashWords('curl -H "Authorization: Bearer $OPENAI_API_KEY" "${BASE}/v1"', {
      placeholders: true,
    });
    expect(result).toMatchObject({
      ok: true,
      words: ['curl', '-H', 'Authorization: Bearer {{OPENAI_API_KEY}}', '{{BASE}}/v1'],
      variables: ['OPENAI_API_KEY', 'BASE'],
    });
  });

  it('keeps expansions as written with a note when placeholders are off', () => {
    const result = splitBashWords('curl "$HOST" $(cat token.txt) `date`');
    expect(result).toMatchObject({
      ok: true,
      words: ['curl', '$HOST', '$(cat token.txt)', '`date`'],
    });
    expect(result.ok && messages(result.warnings).join('\n')).not.toMatch(/token\.txt/);
  });

  it.each([
    ["curl 'abc", /unterminated single quote starting at line 1, column 6/],
    ['curl -d "abc', /unterminated double quote/],
    ["curl \\\n  $'abc", /unterminated \$' starting at line 2, column 3/],
  ])('reports an unterminated quote with its position: %j', (input, message) => {
    const result = splitBashWords(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('gives back any string quoted with single quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(words(`curl ${singleQuote(text)} -s`)).toEqual(['curl', text, '-s']);
      }),
    );
  });

  it("gives back any string quoted as Chrome's Copy as cURL (bash) quotes it", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(words(`curl \\\n  --data-raw ${chromeQuote(text)}`)).toEqual([
          'curl',
          '--data-raw',
          text,
        ]);
      }),
    );
  });

  it("gives back any string quoted as Firefox's Copy as cURL quotes it", () => {
    // Firefox writes U+0080–U+00FF as single \xHH bytes, read back as Latin-1.
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(words(`curl ${firefoxQuote(text)}`)).toEqual(['curl', text]);
      }),
    );
  });

  it('decodes valid UTF-8 bytes exactly as TextDecoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const bytes = [...new TextEncoder().encode(text)];
        expect(decodeUtf8Leniently(bytes)).toEqual({
          text: new TextDecoder().decode(Uint8Array.from(bytes)),
          latin1: false,
        });
      }),
    );
  });
});
