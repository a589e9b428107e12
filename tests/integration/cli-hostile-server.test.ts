import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findLeaksInText } from '../support/hardening/leaks';
import {
  SECRET_HEADERS,
  SECRETS,
  startEchoServer,
  type EchoServer,
} from '../support/hardening/echo-server';
import { runCli } from '../support/cli/cli-test-process';

/**
 * `eventscope watch` against a server that tries to take over the terminal (ECMA-48 escape
 * sequences in its status text, body, headers and events) or echoes credentials back.
 */

/** ESC ] 0 ; … BEL retitles the terminal; ESC [ 2 J clears it; U+009B is the 8-bit CSI. */
const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const C1_CSI = '\u009b31m';
// eslint-disable-next-line no-control-regex -- the characters a terminal acts on
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let raw: Server | null = null;
let echo: EchoServer | null = null;
afterEach(async () => {
  await new Promise((resolve) => (raw ? raw.close(resolve) : resolve(undefined)));
  await echo?.close();
  raw = null;
  echo = null;
});

/** Answers every connection with these exact bytes (a status line Node's server would refuse). */
async function rawServer(response: (path: string) => string): Promise<string> {
  raw = createServer((socket) => {
    socket.once('data', (chunk) => {
      const path = /^\S+ (\S+)/.exec(chunk.toString('latin1'))?.[1] ?? '/';
      socket.end(Buffer.from(response(path), 'utf8'));
    });
  });
  await new Promise<void>((resolve) => raw!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
}

function expectTerminalSafe(text: string): void {
  expect(text).not.toMatch(UNSAFE);
}

describe('eventscope watch against a hostile server', () => {
  it('escapes control sequences in the status text and error body of a failure', async () => {
    const url = await rawServer(() => {
      const body = `{"error":"${TITLE}${CLEAR}${C1_CSI}denied"}`;
      return `HTTP/1.1 400 Bad ${C1_CSI}Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
    });
    for (const format of ['pretty', 'jsonl', 'sse']) {
      const result = await runCli(['watch', `${url}/events`, '--format', format, '--summary']);
      expect(result.code, format).toBe(1);
      expectTerminalSafe(result.stdout);
      expectTerminalSafe(result.stderr);
      expect(result.stderr).toContain('\\u001b]0;pwned\\u0007');
      expect(result.stderr).toContain('\\u009b');
    }
  });

  it('escapes control sequences in event data, types, ids, comments and headers on a terminal format', async () => {
    const url = await rawServer(() => {
      const body =
        `: ${TITLE}\n` +
        `id: ${CLEAR}7\nevent: ${C1_CSI}tick\ndata: ${TITLE}hello\ndata: line\u0008two\n\n`;
      return `HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nX-Evil: a${C1_CSI}b\r\nConnection: close\r\n\r\n${body}`;
    });
    for (const format of ['pretty', 'jsonl']) {
      const result = await runCli([
        'watch',
        url,
        '--format',
        format,
        '--include-status',
        '--no-retry',
      ]);
      expect(result.code, format).toBe(0);
      expectTerminalSafe(result.stdout);
      expectTerminalSafe(result.stderr);
      expect(result.stdout).toContain('hello');
      expect(result.stdout).toContain('\\u001b');
    }
  });

  it('prints no credential the server echoes back, in any form, on stdout or stderr', async () => {
    echo = await startEchoServer();
    // The command line marks no header secret: these are secret by their names alone.
    const byName = SECRET_HEADERS.filter((h) => h.secret !== true);
    const headerArgs = byName.flatMap((h) => ['-H', `${h.name}: ${h.value}`]);
    const headerSecrets = [
      SECRETS.bearer,
      SECRETS.cookie,
      SECRETS.apiKey,
      SECRETS.tokenHeader,
      SECRETS.keyHeader,
    ];
    const credentialed = echo
      .url('/stream')
      .replace(
        '://',
        `://${encodeURIComponent(SECRETS.urlUser)}:${encodeURIComponent(SECRETS.urlPassword)}@`,
      );
    for (const [url, format] of [
      [echo.url('/stream'), 'jsonl'],
      [echo.url('/stream'), 'pretty'],
      [echo.url('/stream'), 'sse'],
      [echo.url('/401'), 'jsonl'],
      [credentialed, 'jsonl'],
    ] as const) {
      const result = await runCli([
        'watch',
        url,
        ...headerArgs,
        '--format',
        format,
        '--include-status',
        '--no-retry',
        '--summary',
      ]);
      expect(result.stdout + result.stderr).toContain('[redacted]');
      const secrets =
        url === credentialed
          ? [...headerSecrets, SECRETS.urlUser, SECRETS.urlPassword]
          : headerSecrets;
      for (const secret of secrets) {
        expect(
          findLeaksInText(result.stdout + result.stderr, secret),
          `${secret} ${format}`,
        ).toEqual([]);
      }
    }
  }, 60_000);
});
