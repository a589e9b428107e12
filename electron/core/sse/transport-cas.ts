import { Buffer } from 'node:buffer';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as nodeTls from 'node:tls';
import { TransportError } from './transport-errors';

/**
 * The CAs a transport trusts: the default ones plus an endpoint's extra CAs, never the extra
 * ones instead of them.
 */

export interface TrustedCaSources {
  /** An endpoint's extra trusted CAs as PEM text (`tls.caCertificates` of a saved endpoint). */
  caCertificates?: string;
  /** Extra trusted CAs as PEM text. */
  ca?: string;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Every CA to trust as PEM blocks — the defaults, then the user's — or null when the user added
 * none, so that Node's own default store applies untouched. Only text: no path is ever read
 * here (README, "Security": the page never names a file).
 */
export async function loadTrustedCas(tls: TrustedCaSources): Promise<string[] | null> {
  const extra = loadExtraCas(tls);
  return extra === null ? null : [...(await defaultCas()), ...extra];
}

/** The user's extra CAs as PEM blocks, or null when there are none. */
function loadExtraCas(tls: TrustedCaSources): string[] | null {
  const extra: string[] = [];
  for (const [text, what] of [
    [tls.ca, 'the CA text'],
    [tls.caCertificates, "the endpoint's CA certificates"],
  ] as const) {
    if (text === undefined || text === '') continue;
    try {
      extra.push(...parseCaCertificates(Buffer.from(text, 'utf8'), what).map((c) => c.pem));
    } catch (error) {
      throw new TransportError('ca-file', (error as Error).message, error);
    }
  }
  return extra.length === 0 ? null : extra;
}

export interface ParsedCertificate {
  /** Normalised PEM of this one certificate (whatever else the input held is dropped). */
  pem: string;
  certificate: X509Certificate;
}

/**
 * PEM blocks (or one DER certificate) → certificates. Checked up front so bad input fails with
 * a clear message, not as an OpenSSL error on the first connect. Private keys or other text
 * next to the certificates are not kept.
 */
export function parseCaCertificates(bytes: Buffer, what: string): ParsedCertificate[] {
  const blocks = bytes.toString('latin1').match(PEM_CERTIFICATE);
  if (blocks === null) {
    // A single DER certificate, as some browsers and Windows export it.
    try {
      const certificate = new X509Certificate(bytes);
      return [{ pem: certificate.toString(), certificate }];
    } catch {
      throw new Error(
        `${what} holds no certificate (expected PEM "-----BEGIN CERTIFICATE-----" or DER)`,
      );
    }
  }
  return blocks.map((block, index) => {
    try {
      const certificate = new X509Certificate(block);
      return { pem: certificate.toString(), certificate };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`${what}: certificate ${index + 1} is not valid (${detail})`, {
        cause: error,
      });
    }
  });
}

/**
 * Node's `ca` option replaces the default roots, so the defaults are listed explicitly.
 * `getCACertificates('default')` (Node ≥ 22.15, so Electron) includes NODE_EXTRA_CA_CERTS and,
 * under --use-system-ca, the OS store; older Node only has the bundled roots, to which we add
 * NODE_EXTRA_CA_CERTS ourselves because Node ignores it once `ca` is set. Read once: Node
 * itself reads that variable only at startup.
 */
function defaultCas(): Promise<string[]> {
  defaultCasOnce ??= listDefaultCas();
  return defaultCasOnce;
}
let defaultCasOnce: Promise<string[]> | null = null;

async function listDefaultCas(): Promise<string[]> {
  if (typeof nodeTls.getCACertificates === 'function') return nodeTls.getCACertificates('default');
  const roots = [...nodeTls.rootCertificates];
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  if (extraFile !== undefined && extraFile !== '') {
    try {
      const text = await readFile(extraFile, 'latin1');
      roots.push(...(text.match(PEM_CERTIFICATE) ?? []));
    } catch {
      // Node already warned about this file at startup; the bundled roots still apply.
    }
  }
  return roots;
}
