import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { Agent, fetch, type Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/model/connection-state';
import type { ProxySettings, TlsSettings } from '../../../shared/model/workspace';
import { fastPolicy, get, record, type Recorder } from '../../../tests/support/sse/test-harness';
import {
  makeSelfSignedCertificate,
  startHttpsTestServer,
  type HttpsRoute,
  type HttpsTestServer,
  type SelfSignedCertificate,
} from '../../../tests/support/sse/test-https';
import { startTestProxy, type TestProxy } from '../../../tests/support/sse/test-proxy';
import {
  openStream,
  startTestServer,
  waitFor,
  type TestServer,
} from '../../../tests/support/sse/test-server';
import {
  createTransport,
  loadTrustedCas,
  TransportError,
  type Transport,
  type TransportOptions,
  withEngineTimeouts,
} from './transport';

/**
 * The engine honours an endpoint's `tls` and `proxy` settings and the proxy
 * environment variables. Everything runs against real servers on 127.0.0.1: an HTTPS server
 * with a self-signed certificate, a plain HTTP server and a forward proxy.
 */

const TWO_EVENTS = 'id: 1\ndata: one\n\nid: 2\ndata: two\n\n';
const DIRECT: ProxySettings = { mode: 'none', url: '' };
const UNTRUSTED =
  'certificate not trusted: self-signed certificate — add its CA file or allow invalid certificates for this endpoint';

/** Two events, then the stream stays open until the client goes. */
const stallAfterTwo: HttpsRoute = (_req, res) => {
  openStream(res);
  res.write(TWO_EVENTS);
};
/** Two events and a clean end: the socket goes back to the client's keep-alive pool. */
const endAfterTwo: HttpsRoute = (_req, res) => {
  openStream(res);
  res.end(TWO_EVENTS);
};

let certificate: SelfSignedCertificate;
let otherCertificate: SelfSignedCertificate;
let secure: HttpsTestServer;
let plain: TestServer;
let dir: string;
let caFile: string;
let caPem: string;
let otherCaPem: string;

beforeAll(async () => {
  [certificate, otherCertificate] = await Promise.all([
    makeSelfSignedCertificate(),
    makeSelfSignedCertificate({ commonName: 'other.localhost' }),
  ]);
  secure = await startHttpsTestServer(
    { '/events': stallAfterTwo, '/once': endAfterTwo },
    certificate,
  );
  plain = await startTestServer({ '/events': stallAfterTwo, '/once': endAfterTwo });
  dir = await mkdtemp(join(tmpdir(), 'eventscope-transport-'));
  caFile = join(dir, 'server-ca.pem');
  await writeFile(caFile, certificate.cert);
  caPem = certificate.cert;
  otherCaPem = otherCertificate.cert;
});

afterAll(async () => {
  await Promise.all([secure.close(), plain.close(), rm(dir, { recursive: true, force: true })]);
});

const transports: Transport[] = [];
const recorders: Recorder[] = [];
const proxies: TestProxy[] = [];

afterEach(async () => {
  for (const r of recorders.splice(0)) r.conn.close();
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

/** Every test states its environment, so a proxy set on the test machine changes nothing. */
async function transport(options: TransportOptions): Promise<Transport> {
  const t = await createTransport({ env: {}, ...options });
  transports.push(t);
  return t;
}

async function proxy(options: Parameters<typeof startTestProxy>[0] = {}): Promise<TestProxy> {
  const p = await startTestProxy(options);
  proxies.push(p);
  return p;
}

/** A connection through `t` that neither retries nor reconnects, so a failure is final at once. */
function watch(url: string, t: Transport): Recorder {
  const r = record({
    request: get(url),
    fetch: t.fetch,
    retry: fastPolicy({ maxAttempts: 0, reconnectOnEnd: false }),
  });
  recorders.push(r);
  r.conn.start();
  return r;
}

async function expectEvents(url: string, t: Transport): Promise<Recorder> {
  const r = watch(url, t);
  await r.waitForEvents(2);
  expect(r.events.map((e) => e.data)).toEqual(['one', 'two']);
  return r;
}

async function expectFailure(url: string, t: Transport): Promise<string> {
  const r = watch(url, t);
  const final: ConnectionState = await r.conn.done;
  if (final.type !== 'failed') throw new Error(`expected a failure, got ${final.type}`);
  return final.error.message;
}

/** Rejects with the TransportError of `promise`, failing the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<TransportError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('TLS settings', () => {
  it('refuses a self-signed server by default and says how to trust it', async () => {
    const t = await transport({ proxy: DIRECT });
    const before = secure.requests.length;
    const message = await expectFailure(secure.url('/events'), t);
    expect(message).toContain(`could not connect to ${secure.url('/events')}: ${UNTRUSTED}`);
    expect(secure.requests.length).toBe(before);
  });

  it('fails at once instead of retrying forever when the certificate is not trusted', async () => {
    const t = await transport({ proxy: DIRECT });
    const r = record({
      request: get(secure.url('/events')),
      fetch: t.fetch,
      retry: fastPolicy({ maxAttempts: null }),
    });
    recorders.push(r);
    r.conn.start();
    const final = await r.conn.done;
    expect(final.type).toBe('failed');
    expect(r.states.map((s) => s.type)).not.toContain('retrying');
  });

  it('trusts a self-signed server whose certificate is given as the CA file', async () => {
    const t = await transport({
      proxy: DIRECT,
      tls: { allowInvalidCertificates: false, caCertificates: caPem },
    });
    await expectEvents(secure.url('/events'), t);
    expect(t.description).toContain('with extra trusted CAs');
  });

  it('still refuses the server when the CA file holds another certificate', async () => {
    const t = await transport({ proxy: DIRECT, tls: { caCertificates: otherCaPem } });
    expect(await expectFailure(secure.url('/events'), t)).toContain(UNTRUSTED);
  });

  it('keeps the default CAs when a CA file is added, instead of replacing them', async () => {
    const fingerprints = (pems: readonly string[]): string[] =>
      pems.map((pem) => new X509Certificate(pem).fingerprint256);
    const trusted = await loadTrustedCas({ caCertificates: caPem });
    expect(fingerprints(trusted ?? [])).toEqual(
      expect.arrayContaining(fingerprints([...rootCertificates, certificate.cert])),
    );
    expect(await loadTrustedCas({})).toBeNull();
  });

  it('trusts the CAs of both the CA text and the CA file', async () => {
    const other = await startHttpsTestServer({ '/events': stallAfterTwo }, otherCertificate);
    try {
      const t = await transport({
        proxy: DIRECT,
        tls: { ca: certificate.cert, caCertificates: otherCaPem },
      });
      await expectEvents(secure.url('/events'), t);
      await expectEvents(other.url('/events'), t);
    } finally {
      for (const r of recorders.splice(0)) r.conn.close();
      await other.close();
    }
  });

  it('says when a trusted certificate has expired or names another host', async () => {
    const DAY_MS = 86_400_000;
    const [expired, elsewhere] = await Promise.all([
      makeSelfSignedCertificate({
        commonName: 'expired.localhost',
        notBefore: new Date(Date.now() - 10 * DAY_MS),
        notAfter: new Date(Date.now() - DAY_MS),
      }),
      makeSelfSignedCertificate({
        commonName: 'elsewhere.localhost',
        dnsNames: ['example.test'],
        ips: [],
      }),
    ]);
    const [expiredServer, elsewhereServer] = await Promise.all(
      [expired, elsewhere].map((c) => startHttpsTestServer({ '/events': stallAfterTwo }, c)),
    );
    try {
      const t = await transport({ proxy: DIRECT, tls: { ca: expired.cert + elsewhere.cert } });
      expect(await expectFailure(expiredServer.url('/events'), t)).toContain(
        'certificate not valid: certificate has expired — renew it on the server or allow invalid certificates for this endpoint',
      );
      expect(await expectFailure(elsewhereServer.url('/events'), t)).toMatch(
        /certificate does not match the host: .*127\.0\.0\.1.* — use a host name it lists or allow invalid certificates for this endpoint/,
      );
    } finally {
      await Promise.all([expiredServer.close(), elsewhereServer.close()]);
    }
  });

  it('accepts any certificate when invalid certificates are allowed, and says it is unsafe', async () => {
    const t = await transport({
      proxy: DIRECT,
      tls: { allowInvalidCertificates: true },
    });
    await expectEvents(secure.url('/events'), t);
    expect(t.description).toContain('accepting invalid certificates (unsafe)');
  });

  it('fails clearly when the CA certificates hold no certificate', async () => {
    const error = await rejection(
      createTransport({ env: {}, tls: { caCertificates: 'not a certificate\n' } }),
    );
    expect(error.kind).toBe('ca-file');
    expect(error.message).toContain("the endpoint's CA certificates holds no certificate");
  });

  it('never reads a file named in the TLS settings', async () => {
    const t = await transport({
      proxy: DIRECT,
      tls: { allowInvalidCertificates: false, caFile } as unknown as TlsSettings,
    });
    expect(await expectFailure(secure.url('/events'), t)).toContain(UNTRUSTED);
  });
});

describe('an explicit proxy', () => {
  it('forwards an http endpoint as absolute-URL requests and the events flow', async () => {
    const p = await proxy();
    const t = await transport({ proxy: { mode: 'manual', url: p.origin } });
    await expectEvents(plain.url('/events'), t);
    expect(p.passed()).toBeGreaterThan(0);
    expect(p.requests[0]).toMatchObject({ method: 'GET', target: plain.url('/events') });
  });

  it('tunnels an https endpoint with CONNECT and still checks its certificate', async () => {
    const p = await proxy();
    const trusted = await transport({
      proxy: { mode: 'manual', url: p.origin },
      tls: { allowInvalidCertificates: false, caCertificates: caPem },
    });
    await expectEvents(secure.url('/events'), trusted);
    expect(p.requests[0]).toMatchObject({ method: 'CONNECT', target: `127.0.0.1:${secure.port}` });

    const untrusted = await transport({ proxy: { mode: 'manual', url: p.origin } });
    expect(await expectFailure(secure.url('/events'), untrusted)).toContain(UNTRUSTED);
  });

  it('sends the credentials in the proxy URL as Proxy-Authorization and never shows them', async () => {
    const p = await proxy({ credentials: { user: 'ann', password: 'p@ss:word' } });
    const url = `http://ann:${encodeURIComponent('p@ss:word')}@127.0.0.1:${p.port}`;
    const t = await transport({ proxy: { mode: 'manual', url }, tls: { caCertificates: caPem } });
    await expectEvents(plain.url('/events'), t);
    await expectEvents(secure.url('/events'), t);
    const expected = `Basic ${Buffer.from('ann:p@ss:word').toString('base64')}`;
    expect(p.requests.map((r) => [r.method, r.proxyAuthorization])).toEqual([
      ['GET', expected],
      ['CONNECT', expected],
    ]);
    expect(t.description).toBe(`through proxy http://127.0.0.1:${p.port}, with extra trusted CAs`);
  });

  it('explains a 407 from the proxy without repeating the password', async () => {
    const p = await proxy({ credentials: { user: 'ann', password: 'right' } });
    const url = `http://ann:wrong-secret@127.0.0.1:${p.port}`;
    const t = await transport({ proxy: { mode: 'manual', url }, tls: { caCertificates: caPem } });
    for (const target of [plain.url('/events'), secure.url('/events')]) {
      const message = await expectFailure(target, t);
      expect(message).toContain(
        `the proxy http://127.0.0.1:${p.port} asks for credentials (HTTP 407 Proxy Authentication Required) — check the user and password in the proxy URL`,
      );
      expect(message).not.toContain('wrong-secret');
    }
    expect(p.passed()).toBe(0);
  });

  it('says when the proxy does not open a tunnel', async () => {
    const p = await proxy();
    const port = await closedPort();
    const t = await transport({ proxy: { mode: 'manual', url: p.origin } });
    expect(await expectFailure(`https://127.0.0.1:${port}/events`, t)).toContain(
      `the proxy http://127.0.0.1:${p.port} did not open a tunnel to 127.0.0.1:${port} (HTTP 502 Bad Gateway)`,
    );
  });

  it('says when the proxy cannot be reached', async () => {
    const port = await closedPort();
    const t = await transport({ proxy: { mode: 'manual', url: `http://127.0.0.1:${port}` } });
    expect(await expectFailure(plain.url('/events'), t)).toContain(
      `could not reach the proxy http://127.0.0.1:${port} (from proxy URL): connect ECONNREFUSED`,
    );
  });

  it('rejects an unusable proxy URL with a clear reason and without its password', async () => {
    const cases: Array<[string, string]> = [
      [
        'http://ann:s3cret@bad host:3128',
        'invalid proxy URL in proxy URL: "http://[redacted]@bad host:3128"',
      ],
      ['socks5://127.0.0.1:1080', 'only http:// and https:// proxies are supported, not socks5://'],
      ['  ', 'the proxy is set to manual but has no URL'],
    ];
    for (const [url, message] of cases) {
      const error = await rejection(createTransport({ env: {}, proxy: { mode: 'manual', url } }));
      expect(error.kind).toBe('invalid-proxy');
      expect(error.message).toContain(message);
      expect(error.message).not.toContain('s3cret');
    }
  });
});

describe('proxy environment variables', () => {
  it('sends http endpoints through HTTP_PROXY and https ones through https_proxy', async () => {
    const forHttp = await proxy();
    const forHttps = await proxy();
    const t = await transport({
      // Upper and lower case, and a proxy without a scheme, which curl reads as http://.
      env: { HTTP_PROXY: `127.0.0.1:${forHttp.port}`, https_proxy: forHttps.origin },
      tls: { allowInvalidCertificates: false, caCertificates: caPem },
    });
    await expectEvents(plain.url('/events'), t);
    await expectEvents(secure.url('/events'), t);
    expect(forHttp.requests.map((r) => r.method)).toEqual(['GET']);
    expect(forHttps.requests.map((r) => r.method)).toEqual(['CONNECT']);
  });

  it('prefers the lower-case variable, as curl does', async () => {
    const lower = await proxy();
    const upper = await proxy();
    const t = await transport({ env: { http_proxy: lower.origin, HTTP_PROXY: upper.origin } });
    await expectEvents(plain.url('/events'), t);
    expect(lower.passed()).toBeGreaterThan(0);
    expect(upper.requests).toEqual([]);
  });

  it('connects directly to hosts listed in NO_PROXY', async () => {
    const p = await proxy();
    const t = await transport({
      env: { HTTP_PROXY: p.origin, HTTPS_PROXY: p.origin, NO_PROXY: 'example.com, 127.0.0.1' },
      tls: { allowInvalidCertificates: false, caCertificates: caPem },
    });
    await expectEvents(plain.url('/events'), t);
    await expectEvents(secure.url('/events'), t);
    expect(p.requests).toEqual([]);
  });

  it('ignores the variables when the endpoint says no proxy', async () => {
    const p = await proxy();
    const t = await createTransport({
      env: { HTTP_PROXY: p.origin, HTTPS_PROXY: p.origin },
      proxy: DIRECT,
    });
    transports.push(t);
    await expectEvents(plain.url('/events'), t);
    expect(p.requests).toEqual([]);
    expect(t.description).toBe('direct (proxy variables ignored)');
  });

  it('names the variable that holds an invalid proxy URL', async () => {
    const error = await rejection(createTransport({ env: { HTTPS_PROXY: 'http://[::1' } }));
    expect(error.message).toContain('invalid proxy URL in HTTPS_PROXY');
  });
});

describe('timeouts', () => {
  it("leaves a quiet stream to the engine's idle timeout instead of undici's body timeout", async () => {
    // undici's default is 300 s; 100 ms shows the same in a test's time (its timers tick ~1 s).
    const bare = new Agent({ bodyTimeout: 100 });
    const wrapped = withEngineTimeouts(new Agent({ bodyTimeout: 100 }));
    /** Reads the two events, then waits for more: settles only if the body fails or ends. */
    const readPastTwoEvents = async (dispatcher: Dispatcher): Promise<string> => {
      const response = await fetch(plain.url('/events'), { dispatcher });
      const reader = response.body?.getReader();
      if (reader === undefined) return 'no body';
      await reader.read();
      return reader.read().then(
        () => 'ended',
        (error: unknown) => `failed: ${error instanceof Error ? String(error.cause) : ''}`,
      );
    };
    let wrappedOutcome = 'still open';
    void readPastTwoEvents(wrapped).then(
      (outcome) => {
        wrappedOutcome = outcome;
      },
      () => {
        wrappedOutcome = 'fetch failed';
      },
    );
    try {
      expect(await readPastTwoEvents(bare)).toMatch(/Body Timeout/);
      // undici's timers tick every ~0.5 s, so a second timer can fire up to a tick later.
      await new Promise<void>((resolve) => setTimeout(resolve, 1_000));
      expect(wrappedOutcome).toBe('still open');
    } finally {
      await Promise.all([bare.destroy(), wrapped.destroy()]);
    }
  });
});

describe('closing', () => {
  function clientSockets(): number {
    return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
  }

  it('destroys the pooled connections, directly and through a proxy, leaving no socket', async () => {
    const p = await proxy();
    const baseline = clientSockets();
    const direct = await transport({ proxy: DIRECT, tls: { caCertificates: caPem } });
    const proxied = await transport({
      proxy: { mode: 'manual', url: p.origin },
      tls: { caCertificates: caPem },
    });
    for (const t of [direct, proxied]) {
      for (const url of [plain.url('/once'), secure.url('/once')]) {
        const r = watch(url, t);
        const final = await r.conn.done;
        expect(final).toMatchObject({ type: 'closed', reason: 'end-of-stream' });
      }
    }
    // Each clean end left a keep-alive connection in its transport's pool.
    expect(plain.openSockets()).toBeGreaterThan(0);
    expect(secure.openSockets()).toBeGreaterThan(0);
    expect(p.openSockets()).toBeGreaterThan(0);

    await direct.close();
    await proxied.close();
    await waitFor(
      () => plain.openSockets() + secure.openSockets() + p.openSockets() === 0,
      'every connection to be closed',
    );
    await waitFor(() => clientSockets() <= baseline, 'no TCP socket beyond the baseline');
  });

  it('refuses to fetch once closed, with a clear error', async () => {
    const t = await transport({ proxy: DIRECT });
    await t.close();
    await t.close();
    expect(await expectFailure(plain.url('/events'), t)).toContain(
      'the transport of this connection was closed',
    );
  });
});
