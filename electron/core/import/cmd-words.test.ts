import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crtSplit, splitCmdWords } from './cmd-words';
import { messages } from '../../../tests/support/import-notes';

function words(input: string): string[] {
  const result = splitCmdWords(input);
  if (!result.ok) throw new Error(result.message);
  return result.words;
}

/** Chrome DevTools' escapeStringWin (front_end/panels/network/NetworkLogView.ts), current form. */
function chromeQuoteWin(text: string): string {
  return (
    '^"' +
    text
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"')
      .replace(/[^a-zA-Z0-9\s_\-:=+~'/.',?;()*`]/g, '^$&')
      .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
      .replace(/[^ -~\r\n]/g, ' ')
      .replace(/\r?\n|\r/g, '^\n\n') +
    '^"'
  );
}

describe('splitCmdWords', () => {
  it("reads Chrome's Copy as cURL (cmd) with caret line continuations", () => {
    const input = [
      'curl ^"https://api.example.com/v1/chat?x=1^&y=2^" ^',
      '  -H ^"accept: text/event-stream^" ^',
      '  --data-raw ^"^{^\\^"a^\\^":^\\^"50^% off^\\^"^}^" ^',
      '  --compressed',
    ].join('\n');
    expect(words(input)).toEqual([
      'curl',
      'https://api.example.com/v1/chat?x=1&y=2',
      '-H',
      'accept: text/event-stream',
      '--data-raw',
      '{"a":"50% off"}',
      '--compressed',
    ]);
  });

  it('turns a caret followed by two newlines into one newline of the value', () => {
    expect(words('curl --data-raw ^"line1^\n\nline2^"')).toEqual([
      'curl',
      '--data-raw',
      'line1\nline2',
    ]);
  });

  it('applies the C runtime rules for backslashes before quotes', () => {
    expect(crtSplit(String.raw`a\\\"b "c d" e\\"f g" h\i ""`)).toEqual([
      'a\\"b',
      'c d',
      'e\\f g',
      'h\\i',
      '',
    ]);
  });

  it('reads a doubled quote inside quotes as one quote', () => {
    expect(crtSplit('"say ""hi"""')).toEqual(['say "hi"']);
  });

  it('keeps an unescaped & inside quotes, as older Chrome versions wrote it', () => {
    expect(words('curl ^"https://h/?a=1&b=2^"')).toEqual(['curl', 'https://h/?a=1&b=2']);
  });

  it('stops at an unquoted & and drops a redirection', () => {
    const result = splitCmdWords('curl https://h/ 2>nul & echo done');
    expect(result).toMatchObject({ ok: true, words: ['curl', 'https://h/'] });
    expect(result.ok && messages(result.warnings)).toEqual([
      'the command ends at "&"; only the first command was imported',
    ]);
  });

  it('turns %NAME% into a placeholder when asked', () => {
    const result = splitCmdWords('curl -H "Authorization: Bearer %API_KEY%" https://h/', {
      placeholders: true,
    });
    expect(result).toMatchObject({
      ok: true,
      words: ['curl', '-H', 'Authorization: Bearer {{API_KEY}}', 'https://h/'],
      variables: ['API_KEY'],
    });
  });

  it("gives back any printable ASCII text with newlines quoted as Chrome's cmd form quotes it", () => {
    const text = fc.string({
      unit: fc.constantFrom(...' !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\n'.split('')),
    });
    fc.assert(
      fc.property(
        text,
        fc.string({ unit: fc.constantFrom('a', '%', '^', '"', '\\', ' ', '\n') }),
        (a, b) => {
          expect(words(`curl ${chromeQuoteWin(a)} ^\n  -H ${chromeQuoteWin(b)}`)).toEqual([
            'curl',
            a,
            '-H',
            b,
          ]);
        },
      ),
    );
  });
});
