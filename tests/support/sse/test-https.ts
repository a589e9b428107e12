import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { trackSockets } from './socket-tracker';
import { generate } from 'selfsigned';

/**
 * A real HTTPS server on 127.0.0.1 with a freshly made self-signed certificate, for the
 * transport tests. Routes are plain handlers; the server counts requests and open
 * sockets so a test can prove a transport closed its connections.
 */

export interface SelfSignedCertificate {
  /** PEM; also its own CA, since it is self-signed. */
  cert: string;
  key: string;
}

export interface CertificateOptions {
  /** Default "localhost". */
  commonName?: string;
  /** Host names and IPs it is valid for; default localhost and 127.0.0.1. */
  dnsNames?: string[];
  ips?: string[];
  /** Default: valid from now for a year. */
  notBefore?: Date;
  notAfter?: Date;
}

/**
 * EC keys: an RSA key takes up to seconds on a loaded machine, P-256 a few milliseconds.
 * Certificates that must be told apart need different common names: OpenSSL looks a trusted CA
 * up by subject name, so a second "localhost" CA would shadow the first.
 */
export async function makeSelfSignedCertificate(
  options: CertificateOptions = {},
): Promise<SelfSignedCertificate> {
  const dnsNames = options.dnsNames ?? ['localhost'];
  const ips = options.ips ?? ['127.0.0.1'];
  const pems = await generate([{ name: 'commonName', value: options.commonName ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...(options.notBefore === undefined ? {} : { notBeforeDate: options.notBefore }),
    ...(options.notAfter === undefined ? {} : { notAfterDate: options.notAfter }),
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export type HttpsRoute = (req: IncomingMessage, res: ServerResponse) => void;

export interface HttpsTestServer {
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly certificate: SelfSignedCertificate;
  url(path: string): string;
  /** Paths requested, in order (TLS handshakes that failed never get here). */
  readonly requests: string[];
  /** Server-side sockets still open, TLS handshakes in progress included. */
  openSockets(): number;
  close(): Promise<void>;
}

export async function startHttpsTestServer(
  routes: Record<string, HttpsRoute>,
  certificate?: SelfSignedCertificate,
): Promise<HttpsTestServer> {
  const cert = certificate ?? (await makeSelfSignedCertificate());
  const requests: string[] = [];
  const server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://test').pathname;
    requests.push(path);
    const route = routes[path];
    if (route === undefined) res.writeHead(404).end();
    else route(req, res);
  });
  // 'connection' sees the raw TCP socket, before and even without a successful handshake.
  const sockets = trackSockets(server);
  // A client that rejects our certificate resets the handshake; that is expected here.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;
  return {
    origin,
    port,
    certificate: cert,
    url: (path) => origin + path,
    requests,
    openSockets: sockets.count,
    close: sockets.close,
  };
}
