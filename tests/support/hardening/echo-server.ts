import type { IncomingMessage } from 'node:http';
import { startTestServer } from '../sse/test-server';

/**
 * A careless (or hostile) SSE server that echoes every request header back in the forms a
 * secret may take — as is, base64, base64url, URL-encoded — as events on `/stream` and as a
 * JSON 401 body on `/401`. Anything written down from its answers must still hold no secret.
 * Runs on the one test server (tests/support/sse/test-server.ts).
 */
export interface EchoServer {
  url(path: string): string;
  port: number;
  close(): Promise<void>;
}

function forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  return [value, bytes.toString('base64'), bytes.toString('base64url'), encodeURIComponent(value)];
}

function echoed(req: IncomingMessage): string[] {
  const out: string[] = [req.url ?? ''];
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value !== 'string') continue;
    out.push(...forms(value).map((v) => `${name}: ${v}`));
    // The credential alone, as a server that decodes `Basic …` or strips `Bearer ` shows it.
    const credential = /^(\S+)\s+(\S+)$/.exec(value);
    if (credential?.[2] !== undefined) {
      out.push(...forms(credential[2]));
      if (credential[1]?.toLowerCase() === 'basic') {
        out.push(...forms(Buffer.from(credential[2], 'base64').toString('utf8')));
      }
    }
  }
  return out;
}

export async function startEchoServer(): Promise<EchoServer> {
  const server = await startTestServer((req, res) => {
    const lines = echoed(req);
    if (req.url?.startsWith('/401')) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'unauthorized', youSent: lines }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    for (const line of lines) res.write(`: ${line}\ndata: ${line}\n\n`);
    res.end();
  });
  return { port: server.port, url: server.url, close: () => server.close() };
}

/** Distinct secrets, one per kind of header the redaction rules name, and URL credentials. */
export const SECRETS = {
  marked: 'marked-secret-VALUE-1',
  bearer: 'bearer-token-VALUE-2',
  cookie: 'cookie-jar-VALUE-3',
  apiKey: 'api-key-VALUE-4',
  tokenHeader: 'refresh-token-VALUE-5',
  keyHeader: 'client-key-VALUE-6',
  urlUser: 'url-user-NAME-7',
  urlPassword: 'url-pass WORD/8',
  variable: 'variable-secret-VALUE-9',
} as const;

/** Headers carrying the secrets above: marked secret, or secret by their names only. */
export const SECRET_HEADERS = [
  { name: 'X-Custom', value: SECRETS.marked, secret: true },
  { name: 'Authorization', value: `Bearer ${SECRETS.bearer}` },
  { name: 'Cookie', value: SECRETS.cookie },
  { name: 'X-Api-Key', value: SECRETS.apiKey },
  { name: 'X-Refresh-Token', value: SECRETS.tokenHeader },
  { name: 'X-Client-Key', value: SECRETS.keyHeader },
];
