import { Buffer } from 'node:buffer';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { trackSockets } from './socket-tracker';

/**
 * A small forward proxy on node:http for the transport tests: CONNECT tunnels (RFC 9110 §9.3.6;
 * https targets) through net.connect, and absolute-URL requests (http targets) forwarded with
 * http.request. It records what passed through and can demand Basic credentials (407).
 */

export interface ProxiedRequest {
  /** 'CONNECT' for a tunnel, else the forwarded method. */
  method: string;
  /** `host:port` for a tunnel, the absolute URL otherwise. */
  target: string;
  /** The Proxy-Authorization header as received, or null. */
  proxyAuthorization: string | null;
}

export interface TestProxy {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** Everything that asked to pass, refused ones included. */
  readonly requests: ProxiedRequest[];
  /** Requests and tunnels actually let through. */
  passed(): number;
  /** Client-side sockets still open (tunnels included). */
  openSockets(): number;
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /** When set, anything without exactly these Basic credentials gets 407. */
  credentials?: { user: string; password: string };
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const requests: ProxiedRequest[] = [];
  let passed = 0;
  const expected =
    options.credentials === undefined
      ? null
      : `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`;

  function record(req: IncomingMessage): boolean {
    const auth = req.headers['proxy-authorization'] ?? null;
    requests.push({ method: req.method ?? '', target: req.url ?? '', proxyAuthorization: auth });
    return expected === null || auth === expected;
  }

  const server = createServer((req, res) => {
    if (!record(req)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    passed += 1;
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      target,
      { method: req.method, headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });

  const sockets = trackSockets(server);
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('error', () => undefined);
    if (!record(req)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = splitHostPort(req.url ?? '');
    let established = false;
    const upstream = connect(port, host, () => {
      established = true;
      passed += 1;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      // Before the tunnel exists the client still expects a status line; after, just hang up.
      if (established) client.destroy();
      else client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    passed: () => passed,
    openSockets: sockets.count,
    close: sockets.close,
  };
}

function splitHostPort(authority: string): [string, number] {
  const at = authority.lastIndexOf(':');
  const host = authority.slice(0, at).replace(/^\[|\]$/g, '');
  return [host, Number(authority.slice(at + 1))];
}
