import { Buffer } from 'node:buffer';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as nodeTls from 'node:tls';
import { TransportError } from './transport-errors';

/**
 * The CAs a transport trusts (issue #5 §1): the default ones plus an endpoint's CA file, never
 * the CA file instead of them.
 */

export interface TrustedCaSources {
  /** A PEM (or DER) file of extra trusted CAs. */
  caFile?: string | null;
  /** Extra trusted CAs as PEM text. */
  ca?: string;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Every CA to trust as PEM blocks — the defaults, then the user's — or null when the user added
 * none, so that Node's own default store applies untouched.
 */
export async function loadTrustedCas(tls: TrustedCaSources): Promise<string[] | null> {
  const extra = await loadExtraCas(tls);
  return extra === null ? null : [...(await defaultCas()), ...extra];
}

/** The user's extra CAs as PEM blocks, or null when there are none. */
async function loadExtraCas(tls: TrustedCaSources): Promise<string[] | null> {
  const extra: string[] = [];
  if (tls.ca !== undefined && tls.ca !== '') {
    extra.push(...parseCertificates(Buffer.from(tls.ca, 'utf8'), 'the CA text'));
  }
  if (tls.caFile !== undefined && tls.caFile !== null && tls.caFile !== '') {
    let bytes: Buffer;
    try {
      bytes = await readFile(tls.caFile);
    } catch (error) {
      throw new TransportError(
        'ca-file',
        `cannot read CA file ${tls.caFile}: ${describeFsError(error)}`,
        error,
      );
    }
    extra.push(...parseCertificates(bytes, `CA file ${tls.caFile}`));
  }
  return extra.length === 0 ? null : extra;
}

/** Checked here so a bad file fails with its name, not as an OpenSSL error on first connect. */
function parseCertificates(bytes: Buffer, what: string): string[] {
  const blocks = bytes.toString('latin1').match(PEM_CERTIFICATE);
  if (blocks === null) {
    // A single DER certificate, as some browsers and Windows export it.
    try {
      return [new X509Certificate(bytes).toString()];
    } catch {
      throw new TransportError(
        'ca-file',
        `${what} holds no certificate (expected PEM "-----BEGIN CERTIFICATE-----" or DER)`,
      );
    }
  }
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block).toString();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new TransportError(
        'ca-file',
        `${what}: certificate ${index + 1} is not valid (${detail})`,
        error,
      );
    }
  });
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'ENOENT (no such file)';
    case 'EACCES':
    case 'EPERM':
      return `${code} (permission denied)`;
    case 'EISDIR':
      return 'EISDIR (it is a folder)';
    default:
      if (typeof code === 'string') return code;
      return error instanceof Error ? error.message : String(error);
  }
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
