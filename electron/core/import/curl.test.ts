import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../shared/model/workspace';
import { detectCurlShell, importCurl, looksLikeCurl } from './curl';
import type { ImportResult } from './import-result';
import { messages } from '../../../tests/support/import-notes';

function counter(): () => string {
  let n = 0;
  return () => `imported-${++n}`;
}

function imported(command: string): Extract<ImportResult, { ok: true }> {
  const result = importCurl(command, { newId: counter() });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function only(command: string): { endpoint: Endpoint; warnings: string[] } {
  const result = imported(command);
  expect(result.endpoints).toHaveLength(1);
  return { endpoint: result.endpoints[0] as Endpoint, warnings: messages(result.warnings) };
}

function headerMap(endpoint: Endpoint): Record<string, { value: string; secret: boolean }> {
  return Object.fromEntries(
    endpoint.headers.map((h) => [h.name.toLowerCase(), { value: h.value, secret: h.secret }]),
  );
}

/** As Chrome 131 "Copy as cURL (bash)" writes a fetch() streaming chat request. */
const CHROME_OPENAI_STREAM = String.raw`curl 'https://api.openai.com/v1/chat/completions' \
  -H 'accept: text/event-stream' \
  -H 'accept-language: en-US,en;q=0.9' \
  -H 'authorization: Bearer sk-proj-Abc123Def456Ghi789' \
  -H 'content-type: application/json' \
  -H 'origin: https://playground.example.com' \
  -H 'priority: u=1, i' \
  -H 'sec-ch-ua: "Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"' \
  -H 'sec-fetch-mode: cors' \
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' \
  --data-raw $'{"model":"gpt-4o","stream":true,"messages":[{"role":"system","content":"You\'re terse."},{"role":"user","content":"List 3 facts\\nabout SSE\u0021"}]}'`;

/** As Chrome writes an EventSource request with cookies (-b since Chrome 120). */
const CHROME_EVENTSOURCE_COOKIES = String.raw`curl 'https://app.example.com/api/notifications/stream?since=1700000000' \
  -H 'accept: text/event-stream' \
  -H 'cache-control: no-cache' \
  -b 'session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln; _ga=GA1.1.123.456' \
  -H 'referer: https://app.example.com/inbox' \
  -H 'sec-fetch-dest: empty' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'`;

/** As Chrome "Copy as cURL (cmd)" writes a POST on Windows. */
const CHROME_CMD_POST = [
  'curl ^"https://api.example.com/v1/stream?topic=a^&lang=en^" ^',
  '  -H ^"accept: text/event-stream^" ^',
  '  -H ^"authorization: Bearer tok_live_123^" ^',
  '  -H ^"content-type: application/json^" ^',
  '  -b ^"sid=abc123^" ^',
  '  --data-raw ^"^{^\\^"prompt^\\^":^\\^"100^% sure^\\^",^\\^"n^\\^":1^}^" ^',
  '  --compressed',
].join('\n');

/** As Firefox 133 "Copy as cURL" writes a POST: one line, -X, Accept-Encoding, \xHH for é. */
const FIREFOX_POST = String.raw`curl 'https://chat.example.com/api/chat' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' -H 'Accept: text/event-stream' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br, zstd' -H 'Content-Type: application/json' -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' -H 'Origin: https://chat.example.com' -H 'Connection: keep-alive' -H 'Cookie: csrftoken=abc; sessionid=xyz' --data-raw $'{"prompt":"caf\xe9 \u2615 it\'s"}'`;

/** As Safari 17 "Copy as cURL" writes a POST: quoted -X, --data-binary, unindented lines. */
const SAFARI_POST = String.raw`curl 'https://api.example.com/v1/stream' \
-X 'POST' \
-H 'Content-Type: application/x-www-form-urlencoded' \
-H 'Accept: text/event-stream' \
-H 'Authorization: Basic dXNlcjpwYXNz' \
-H 'User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' \
--data-binary 'channel=news&since=42'`;

describe('importCurl: browser copies', () => {
  it("imports Chrome's streaming chat POST with an ANSI-C quoted JSON body", () => {
    const { endpoint, warnings } = only(CHROME_OPENAI_STREAM);
    expect(endpoint).toMatchObject({
      id: 'imported-1',
      name: 'POST api.openai.com/v1/chat/completions',
      url: 'https://api.openai.com/v1/chat/completions',
      method: 'POST',
      body: {
        kind: 'json',
        contentType: 'application/json',
        text: '{"model":"gpt-4o","stream":true,"messages":[{"role":"system","content":"You\'re terse."},{"role":"user","content":"List 3 facts\\nabout SSE!"}]}',
      },
    });
    expect(JSON.parse(endpoint.body.text).messages[1].content).toBe('List 3 facts\nabout SSE!');
    const headers = headerMap(endpoint);
    expect(headers['authorization']).toEqual({
      value: 'Bearer sk-proj-Abc123Def456Ghi789',
      secret: true,
    });
    expect(headers['sec-ch-ua']?.value).toBe(
      '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
    );
    expect(headers['content-type']).toBeUndefined();
    expect(endpoint.retry.reconnectOnEnd).toBe(false);
    expect(warnings).toEqual([]);
  });

  it("imports Chrome's EventSource GET with -b cookies as a secret Cookie header", () => {
    const { endpoint, warnings } = only(CHROME_EVENTSOURCE_COOKIES);
    expect(endpoint).toMatchObject({
      name: 'GET app.example.com/api/notifications/stream',
      url: 'https://app.example.com/api/notifications/stream?since=1700000000',
      method: 'GET',
      body: { kind: 'none' },
    });
    expect(headerMap(endpoint)['cookie']).toEqual({
      value: 'session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln; _ga=GA1.1.123.456',
      secret: true,
    });
    expect(endpoint.retry.reconnectOnEnd).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("imports Chrome's cmd form with caret escapes", () => {
    const { endpoint, warnings } = only(CHROME_CMD_POST);
    expect(endpoint).toMatchObject({
      url: 'https://api.example.com/v1/stream?topic=a&lang=en',
      method: 'POST',
      body: { kind: 'json', text: '{"prompt":"100% sure","n":1}', contentType: 'application/json' },
    });
    const headers = headerMap(endpoint);
    expect(headers['authorization']).toEqual({ value: 'Bearer tok_live_123', secret: true });
    expect(headers['cookie']).toEqual({ value: 'sid=abc123', secret: true });
    expect(warnings).toEqual([expect.stringMatching(/^--compressed was not needed/)]);
  });

  it("halves the backslashes Chrome's cmd form doubles, so a JSON \\n escape survives", () => {
    const { endpoint, warnings } = only(
      'curl ^"https://h/^" -H ^"content-type: application/json^" --data-raw ^"^{^\\^"a^\\^":^\\^"x^\\^\\ny^\\^"^}^"',
    );
    expect(endpoint.body.text).toBe('{"a":"x\\ny"}');
    expect(warnings.join('\n')).toMatch(/halved/);
  });

  it("imports Firefox's one-line POST, reading its \\xHH bytes as Latin-1", () => {
    const { endpoint, warnings } = only(FIREFOX_POST);
    expect(endpoint.method).toBe('POST');
    expect(endpoint.body).toEqual({
      kind: 'json',
      text: '{"prompt":"café ☕ it\'s"}',
      contentType: 'application/json',
    });
    const headers = headerMap(endpoint);
    expect(headers['accept-encoding']).toBeUndefined();
    expect(headers['cookie']?.secret).toBe(true);
    expect(headers['connection']?.value).toBe('keep-alive');
    expect(warnings).toEqual([
      expect.stringMatching(/Latin-1/),
      expect.stringMatching(/^Accept-Encoding was left out/),
    ]);
  });

  it("imports Safari's POST with --data-binary as a form body", () => {
    const { endpoint, warnings } = only(SAFARI_POST);
    expect(endpoint).toMatchObject({
      method: 'POST',
      body: {
        kind: 'form',
        text: 'channel=news&since=42',
        contentType: 'application/x-www-form-urlencoded',
      },
    });
    expect(headerMap(endpoint)['authorization']?.secret).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('recognises the cmd form by its carets and everything else as bash', () => {
    expect(detectCurlShell(CHROME_CMD_POST)).toBe('cmd');
    expect(detectCurlShell(CHROME_OPENAI_STREAM)).toBe('bash');
    expect(detectCurlShell(FIREFOX_POST)).toBe('bash');
    expect(detectCurlShell(SAFARI_POST)).toBe('bash');
  });
});

describe('importCurl: hand-written commands', () => {
  it('turns $OPENAI_API_KEY from API docs into a secret workspace variable', () => {
    const result = imported(`curl https://api.openai.com/v1/responses \\
  -H "Content-Type: application/json" \\
  -H "Authorization: Bearer $OPENAI_API_KEY" \\
  -d '{"model": "gpt-4.1", "input": "Hi", "stream": true}'`);
    const endpoint = result.endpoints[0] as Endpoint;
    expect(headerMap(endpoint)['authorization']).toEqual({
      value: 'Bearer {{OPENAI_API_KEY}}',
      secret: true,
    });
    expect(endpoint.body.kind).toBe('json');
    expect(result.variables).toEqual([{ name: 'OPENAI_API_KEY', value: '', secret: true }]);
    expect(messages(result.warnings)).toEqual([
      expect.stringMatching(/fill in \{\{OPENAI_API_KEY\}\}/),
    ]);
  });

  it('joins several -d pieces with & and implies a POST form body', () => {
    const { endpoint } = only(
      "curl -d a=1 --data 'b=2' --data-ascii c=3 --data-raw '@literal' http://h/x",
    );
    expect(endpoint).toMatchObject({
      method: 'POST',
      body: { kind: 'form', text: 'a=1&b=2&c=3&@literal', contentType: '' },
    });
  });

  it('encodes --data-urlencode values as curl does', () => {
    const { endpoint } = only(
      "curl --data-urlencode 'b=x y&z!*' --data-urlencode '=q r' --data-urlencode 'plain ü' http://h/",
    );
    expect(endpoint.body.text).toBe('b=x+y%26z%21%2A&q+r&plain+%C3%BC');
  });

  it('puts the data into the query with -G and keeps the method GET', () => {
    const { endpoint } = only(
      "curl -G -d a=1 --data-urlencode 'q=two words' 'http://h/search?x=0#top'",
    );
    expect(endpoint).toMatchObject({
      method: 'GET',
      url: 'http://h/search?x=0&a=1&q=two+words#top',
      body: { kind: 'none' },
    });
  });

  it('concatenates --json pieces and sets the JSON content type and Accept', () => {
    const { endpoint, warnings } = only('curl --json \'{"a":1,\' --json \'"b":2}\' https://h/api');
    expect(endpoint.body).toEqual({
      kind: 'json',
      text: '{"a":1,"b":2}',
      contentType: 'application/json',
    });
    expect(headerMap(endpoint)['accept']?.value).toBe('application/json');
    expect(warnings).toEqual([expect.stringMatching(/Accept: application\/json/)]);
  });

  it('encodes -u user:password as a secret Basic Authorization header', () => {
    const { endpoint } = only("curl -u 'alice:p@ss:wörd' https://h/");
    expect(headerMap(endpoint)['authorization']).toEqual({
      value: `Basic ${Buffer.from('alice:p@ss:wörd', 'utf8').toString('base64')}`,
      secret: true,
    });
  });

  it('moves credentials out of the URL into a Basic Authorization header', () => {
    const { endpoint, warnings } = only('curl https://bob:hun%3Ater2@h.example/feed');
    expect(endpoint.url).toBe('https://h.example/feed');
    expect(headerMap(endpoint)['authorization']?.value).toBe(`Basic ${btoa('bob:hun:ter2')}`);
    expect(warnings.join('\n')).not.toMatch(/hun|ter2/);
  });

  it('lets a -H Authorization win over -u, as curl does, and says so', () => {
    const { endpoint, warnings } = only("curl -u a:b -H 'Authorization: Bearer t' https://h/");
    expect(endpoint.headers.filter((h) => h.name.toLowerCase() === 'authorization')).toHaveLength(
      1,
    );
    expect(headerMap(endpoint)['authorization']?.value).toBe('Bearer t');
    expect(warnings).toHaveLength(1);
  });

  it('reads bundled short options and attached values', () => {
    const { endpoint } = only(
      "curl -sSLNXPUT -HX-Trace:1 -dfoo -A 'probe/1.0' -e 'https://ref/;auto' http://h/",
    );
    expect(endpoint.method).toBe('PUT');
    expect(headerMap(endpoint)).toMatchObject({
      'x-trace': { value: '1' },
      'user-agent': { value: 'probe/1.0' },
      referer: { value: 'https://ref/' },
    });
    expect(endpoint.body.text).toBe('foo');
  });

  it('maps -k, --cacert, -x and --connect-timeout onto the endpoint settings', () => {
    const { endpoint, warnings } = only(
      'curl -k --cacert ./ca.pem -x proxy.local:3128 --connect-timeout 2.5 https://self-signed.local:8443/events',
    );
    expect(endpoint.tls).toEqual({ allowInvalidCertificates: true });
    expect(endpoint.proxy).toEqual({ mode: 'manual', url: 'http://proxy.local:3128' });
    expect(endpoint.connectTimeoutMs).toBe(2500);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^--cacert \.\/ca\.pem: the CA certificate was not imported; attach it/,
      ),
      expect.stringMatching(/^-k\/--insecure/),
    ]);
  });

  it('ignores output and transport options silently and warns about unknown ones', () => {
    const { endpoint, warnings } = only(
      'curl -sSLNiv --http2 --no-buffer -o out.txt -w "%{http_code}" --retry 3 --frobnicate https://h/',
    );
    expect(endpoint.url).toBe('https://h/');
    expect(warnings).toEqual(['unknown curl option --frobnicate was ignored']);
  });

  it('warns about options it cannot reproduce without showing their values', () => {
    const { warnings } = only(
      "curl --digest -u u:secretpw -F 'f=@secret.txt' -d @body.json -H @headers.txt --data=secretvalue -b cookies.txt https://h/",
    );
    expect(warnings).toEqual([
      expect.stringMatching(/Digest/),
      expect.stringMatching(/multipart/),
      expect.stringMatching(/takes no --data=value/),
      expect.stringMatching(/-H @file/),
      expect.stringMatching(/-b without "="/),
      expect.stringMatching(/--data @file/),
    ]);
    expect(warnings.join('\n')).not.toMatch(/secret/);
  });

  it('keeps curl-escaped glob brackets literal and notes a real glob', () => {
    expect(only(String.raw`curl 'https://h/api?filter\[status\]=open'`).endpoint.url).toBe(
      'https://h/api?filter[status]=open',
    );
    expect(only("curl 'https://h/{a,b}/events'").warnings).toEqual([expect.stringMatching(/glob/)]);
    expect(only("curl -g 'https://h/{a,b}'").warnings).toEqual([]);
  });

  it('assumes http:// for a URL without a scheme, like curl', () => {
    const { endpoint, warnings } = only('curl localhost:8080/events');
    expect(endpoint.url).toBe('http://localhost:8080/events');
    expect(warnings).toEqual([expect.stringMatching(/no scheme/)]);
  });

  it('names an endpoint by method, host and path as written', () => {
    expect(
      only("curl -X post 'https://u:p@h.example:8443/v1/{{team}}/events/?key=k#x'").endpoint.name,
    ).toBe('POST h.example:8443/v1/{{team}}/events');
  });

  it('makes one endpoint per URL', () => {
    const result = imported('curl -H "X-A: 1" https://h/a --url https://h/b');
    expect(result.endpoints.map((e) => [e.id, e.name])).toEqual([
      ['imported-1', 'GET h/a'],
      ['imported-2', 'GET h/b'],
    ]);
    expect(result.endpoints[1]?.headers).toEqual(result.endpoints[0]?.headers);
  });

  it('skips a pasted prompt and environment assignments before curl', () => {
    const { endpoint, warnings } = only('$ NO_COLOR=1 curl https://h/');
    expect(endpoint.url).toBe('https://h/');
    expect(warnings).toEqual(['the environment assignment NO_COLOR=… before curl was ignored']);
  });

  it('keeps an empty header given as "Name;" and notes a removal given as "Name:"', () => {
    const { endpoint, warnings } = only("curl -H 'X-Empty;' -H 'Accept:' https://h/");
    expect(endpoint.headers).toEqual([
      { name: 'X-Empty', value: '', enabled: true, secret: false },
    ]);
    expect(warnings).toEqual([expect.stringMatching(/stops curl sending its own Accept/)]);
  });

  it('warns when a GET would carry a body, which fetch cannot send', () => {
    expect(only("curl -X GET -d 'a=1' https://h/").warnings).toEqual([
      expect.stringMatching(/cannot carry a body/),
    ]);
  });

  it('notes literal {{placeholders}} that the workspace will fill in', () => {
    expect(only("curl 'https://h/{{tenant}}/events' -g").warnings).toEqual([
      expect.stringMatching(/\{\{tenant\}\}/),
    ]);
  });
});

describe('importCurl: refusals', () => {
  it.each([
    ['', /empty/],
    ['wget https://h/', /not a curl command \(it must start with curl\)/],
    ['curl -s -H "X: 1"', /no URL/],
    ["curl 'https://h/", /unterminated single quote/],
    ['fetch("https://h/", {"headers": {}});', /Copy as fetch/],
    ['Invoke-WebRequest -UseBasicParsing -Uri "https://h/"', /PowerShell/],
    ['curl https://h/ `\n  -H "a: b"', /PowerShell line continuations/],
  ])('refuses %j with a clear message', (input, message) => {
    const result = importCurl(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('importCurl: more options', () => {
  it('does not mistake ^" inside a bash quoted body for the cmd form', () => {
    const command = `curl https://h/ -H 'content-type: application/json' -d '{"pattern":"^\\"quoted"}'`;
    expect(detectCurlShell(command)).toBe('bash');
    expect(only(command).endpoint.body.text).toBe('{"pattern":"^\\"quoted"}');
  });

  it('reads the text as the shell it is told to', () => {
    // cmd: an unquoted ^ escapes the &, and inside cmd's own "…" a ^ is literal.
    const command = 'curl "https://h/?a=^1" -d x=^&y';
    const cmd = importCurl(command, { shell: 'cmd', newId: counter() });
    expect(cmd.ok && [cmd.endpoints[0]?.url, cmd.endpoints[0]?.body.text]).toEqual([
      'https://h/?a=^1',
      'x=&y',
    ]);
    const bash = importCurl(command, { shell: 'bash', newId: counter() });
    expect(bash.ok && [bash.endpoints[0]?.url, bash.endpoints[0]?.body.text]).toEqual([
      'https://h/?a=^1',
      'x=^',
    ]);
  });

  it('adds --url-query parameters, encoded unless they start with +', () => {
    expect(only("curl --url-query 'q=a b' --url-query '+raw=%41' https://h/s").endpoint.url).toBe(
      'https://h/s?q=a+b&raw=%41',
    );
  });

  it('sends HEAD for -I and turns --oauth2-bearer into a secret header', () => {
    const { endpoint } = only('curl -I --oauth2-bearer tok123 https://h/');
    expect(endpoint.method).toBe('HEAD');
    expect(endpoint.headers).toEqual([
      { name: 'Authorization', value: 'Bearer tok123', enabled: true, secret: true },
    ]);
  });

  it('disables the proxy for -x "" and keeps a scheme the proxy URL has', () => {
    expect(only("curl -x '' https://h/").endpoint.proxy).toEqual({ mode: 'none', url: '' });
    expect(only('curl --proxy https://p:8443 https://h/').endpoint.proxy).toEqual({
      mode: 'manual',
      url: 'https://p:8443',
    });
  });

  it('merges -b cookies into a Cookie header given with -H', () => {
    const { endpoint } = only("curl -H 'Cookie: a=1' -b 'b=2' https://h/");
    expect(endpoint.headers).toEqual([
      { name: 'Cookie', value: 'a=1; b=2', enabled: true, secret: true },
    ]);
  });

  it('notes that a JSON-looking -d body goes out as a form, as curl sends it', () => {
    const { endpoint, warnings } = only(`curl -d '{"a":1}' https://h/`);
    expect(endpoint.body).toEqual({ kind: 'form', text: '{"a":1}', contentType: '' });
    expect(warnings).toEqual([expect.stringMatching(/looks like JSON/)]);
  });

  it('imports a JSON content type with a body that is not JSON as text', () => {
    const { endpoint, warnings } = only(
      "curl -H 'Content-Type: application/json' -d 'not json' https://h/",
    );
    expect(endpoint.body).toEqual({
      kind: 'text',
      text: 'not json',
      contentType: 'application/json',
    });
    expect(warnings).toEqual([expect.stringMatching(/not valid JSON/)]);
  });
});

describe('looksLikeCurl', () => {
  it('recognises curl command lines, with a prompt or a path, and nothing else', () => {
    expect(looksLikeCurl("curl 'https://h/'")).toBe(true);
    expect(looksLikeCurl('  $ curl -sN https://h/')).toBe(true);
    expect(looksLikeCurl('C:\\tools\\curl.exe ^"https://h/^"')).toBe(true);
    expect(looksLikeCurl('/usr/bin/curl https://h/')).toBe(true);
    expect(looksLikeCurl('curlew https://h/')).toBe(false);
    expect(looksLikeCurl('{"info": {}}')).toBe(false);
  });
});
