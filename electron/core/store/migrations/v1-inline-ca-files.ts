import { MAX_CA_CERTIFICATES_BYTES } from '../../../../shared/model/workspace';
import { parseCaCertificates } from '../../sse/transport-cas';
import type { Migration } from '../migrations';
import type { CaFileCause } from '../../../../shared/migration-notes';
import { SafeReadError } from '../safe-file-read';

/**
 * Version 1 → 2: an endpoint's `tls.caFile` (a path) becomes `tls.caCertificates` (the PEM text).
 * A path in a workspace let the page that saved it make the Node side read any file (README,
 * "Security"). The file is read once, here, if it is a regular file of at most 1 MiB holding
 * certificates; otherwise the setting is dropped and the notice says so.
 */
export const inlineCaFiles: Migration = {
  from: 1,
  description: 'CA files are stored as certificate text instead of a path',
  async migrate(workspace, context) {
    const w = workspace as { endpoints?: unknown };
    if (!Array.isArray(w.endpoints)) return workspace;
    const endpoints: unknown[] = [];
    for (const endpoint of w.endpoints as unknown[]) {
      endpoints.push(await migrateEndpoint(endpoint, context));
    }
    return { ...w, endpoints };
  },
};

type Endpoint = { name?: unknown; tls?: unknown };

async function migrateEndpoint(
  endpoint: unknown,
  context: Parameters<Migration['migrate']>[1],
): Promise<unknown> {
  if (typeof endpoint !== 'object' || endpoint === null) return endpoint;
  const e = endpoint as Endpoint;
  if (typeof e.tls !== 'object' || e.tls === null) return endpoint;
  const { caFile, ...tls } = e.tls as { caFile?: unknown; allowInvalidCertificates?: unknown };
  const name = typeof e.name === 'string' ? `"${e.name}"` : 'an endpoint';
  const endpointName = typeof e.name === 'string' ? e.name : '…';
  if (typeof caFile !== 'string' || caFile === '') return { ...e, tls };
  try {
    const bytes = await context.readFile(caFile, MAX_CA_CERTIFICATES_BYTES);
    const pem = parseCaCertificates(bytes, caFile)
      .map((c) => c.pem)
      .join('');
    context.note({
      code: 'ca-file-inlined',
      params: { endpoint: endpointName, file: caFile },
      message: `Endpoint ${name}: the CA certificates of ${caFile} are now kept in the workspace.`,
    });
    return { ...e, tls: { ...tls, caCertificates: pem } };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const cause: CaFileCause = error instanceof SafeReadError ? error.reason : 'no-certificate';
    context.note({
      code: 'ca-file-removed',
      params: { endpoint: endpointName, file: caFile, cause },
      message: `Endpoint ${name}: the CA file setting was removed (${why}); attach the certificate again.`,
    });
    return { ...e, tls };
  }
}
