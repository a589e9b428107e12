import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../shared/api/feeds';
import { createEndpoint } from '../../shared/model/workspace';
import type { SocketApiHandle } from '../../renderer/src/socket-api';
import type { TestWebServer } from '../support/web/test-web-server';
import { startTestWebServer } from '../support/web/test-web-server';
import {
  makeSelfSignedCertificate,
  startHttpsTestServer,
  type SelfSignedCertificate,
} from '../support/sse/test-https';
import { connectPageApi } from './support';

// The page never names a file the Node side reads, and no workspace id takes the place of the
// store's own files — through web mode's real socket, with the real store on disk.

let server: TestWebServer | null = null;
const pages: SocketApiHandle[] = [];
let certificate: SelfSignedCertificate;
beforeAll(async () => {
  certificate = await makeSelfSignedCertificate({ commonName: 'attached-ca.localhost' });
});
afterEach(async () => {
  for (const page of pages.splice(0)) page.dispose();
  await server?.close();
  server = null;
});

async function pageApi() {
  server = await startTestWebServer();
  const handle = connectPageApi(server);
  pages.push(handle);
  return handle.api;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function twoEvents(_req: unknown, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  res.end('data: one\n\ndata: two\n\n');
}

describe('CA certificates chosen through endpoints:choose-ca-file', () => {
  it('answers dialog-unavailable in web mode when the page sends no content', async () => {
    const api = await pageApi();
    expect(await api.chooseCaFile({})).toMatchObject({
      ok: false,
      error: { code: 'dialog-unavailable' },
    });
  });

  it('accepts uploaded PEM content, describes it, and keeps only the certificates', async () => {
    const api = await pageApi();
    const key = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n';
    const chosen = value(
      await api.chooseCaFile({ content: `${key}${certificate.cert}`, fileName: 'dev-ca.pem' }),
    );
    expect(chosen).toMatchObject({
      type: 'chosen',
      fileName: 'dev-ca.pem',
      certificates: [{ subject: expect.stringContaining('CN=attached-ca.localhost') }],
    });
    if (chosen.type !== 'chosen') return;
    expect(chosen.certificates[0]?.validTo).toMatch(/\d{4} GMT$/);
    expect(chosen.pem).toContain('-----BEGIN CERTIFICATE-----');
    expect(chosen.pem).not.toContain('PRIVATE KEY');
  });

  it('refuses content that is not a certificate, or larger than 1 MiB, as invalid-certificate', async () => {
    const api = await pageApi();
    expect(await api.chooseCaFile({ content: 'root:x:0:0:root:/root:/bin/bash\n' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-certificate', message: expect.stringMatching(/no certificate/) },
    });
    const huge = certificate.cert.repeat(Math.ceil((1024 * 1024) / certificate.cert.length) + 1);
    expect(await api.chooseCaFile({ content: huge, fileName: 'huge.pem' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-certificate', message: expect.stringMatching(/larger than 1 MiB/) },
    });
  });

  it('connects to a server signed by the attached certificate, saved with endpoints:save', async () => {
    const https = await startHttpsTestServer({ '/events': twoEvents }, certificate);
    try {
      const api = await pageApi();
      const chosen = value(await api.chooseCaFile({ content: certificate.cert }));
      if (chosen.type !== 'chosen') throw new Error('not chosen');
      const ws = value(await api.createWorkspace({ name: 'TLS' }));
      const endpoint = createEndpoint({ name: 'secure', url: https.url('/events') });
      endpoint.tls = { allowInvalidCertificates: false, caCertificates: chosen.pem };
      endpoint.retry.reconnectOnEnd = false;
      value(await api.saveEndpoint({ workspaceId: ws.id, endpoint }));
      const states: FeedSummary[] = [];
      api.onFeedState((s) => states.push(s));
      const feed = value(await api.openEndpoint({ workspaceId: ws.id, endpointId: endpoint.id }));
      await expect
        .poll(() => states.filter((s) => s.feedId === feed.feedId).at(-1)?.state.type, {
          timeout: 15_000,
        })
        .toBe('closed');
      expect(https.requests).toEqual(['/events']);
    } finally {
      await https.close();
    }
  });
});

describe('a file path sent by the page', () => {
  it('is never kept nor read: tls.caFile in endpoints:save is dropped, /dev/zero is not opened', async () => {
    const api = await pageApi();
    const ws = value(await api.createWorkspace({ name: 'Paths' }));
    const endpoint = {
      ...createEndpoint({ name: 'e', url: 'http://127.0.0.1:9/x' }),
      tls: { allowInvalidCertificates: false, caFile: '/dev/zero' },
    };
    const saved = value(await api.saveEndpoint({ workspaceId: ws.id, endpoint }));
    expect(saved.endpoints[0]?.tls).toEqual({ allowInvalidCertificates: false });
    const feed = value(await api.openEndpoint({ workspaceId: ws.id, endpointId: endpoint.id }));
    value(await api.closeFeed({ feedId: feed.feedId }));
    const dataDir = server!.dataDir;
    await server!.close();
    server = null;
    const file = readFileSync(join(dataDir, 'workspaces', `${ws.id}.json`), 'utf8');
    expect(file).not.toContain('/dev/zero');
  });

  it('in a curl --cacert import keeps the request and says the certificate must be attached', async () => {
    const api = await pageApi();
    const imported = value(
      await api.importWorkspace({ text: 'curl --cacert /etc/passwd https://example.test/events' }),
    );
    expect(imported.workspace.endpoints[0]).toMatchObject({
      url: 'https://example.test/events',
      tls: { allowInvalidCertificates: false },
    });
    expect(JSON.stringify(imported.workspace)).not.toContain('/etc/passwd');
    expect(imported.warnings).toContainEqual(
      expect.stringMatching(
        /--cacert \/etc\/passwd: the CA certificate was not imported; attach it/,
      ),
    );
  });
});

describe('reserved workspace ids', () => {
  const exportFile = (id: string) =>
    JSON.stringify({
      format: 'eventscope-workspace-export',
      schemaVersion: 1,
      exportedAt: '2026-12-01T00:00:00.000Z',
      secretsIncluded: false,
      workspace: {
        id,
        name: 'Sneaky',
        endpoints: [],
        variables: [],
        createdAt: '2026-12-01T00:00:00.000Z',
        updatedAt: '2026-12-01T00:00:00.000Z',
      },
    });

  it('refuses to import or save a workspace named like the store’s own files, and keeps the index', async () => {
    const api = await pageApi();
    const before = value(await api.listWorkspaces());
    for (const id of ['index', 'INDEX', 'backups', 'settings']) {
      const imported = await api.importWorkspace({ text: exportFile(id) });
      expect(imported, id).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(/reserved/) },
      });
      const ws = value(await api.createWorkspace({ name: 'Plain' }));
      const saved = await api.saveWorkspace({ workspace: { ...ws, id } });
      expect(saved, id).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(/reserved/) },
      });
      value(await api.deleteWorkspace({ id: ws.id }));
    }
    const dataDir = server!.dataDir;
    await server!.close();
    server = null;
    const files = readdirSync(join(dataDir, 'workspaces'));
    expect(files.filter((f) => f.includes('corrupt'))).toEqual([]);
    expect(existsSync(join(dataDir, 'workspaces', 'index.json'))).toBe(true);
    const index = JSON.parse(readFileSync(join(dataDir, 'workspaces', 'index.json'), 'utf8')) as {
      workspaces: Array<{ id: string }>;
    };
    expect(index.workspaces.map((w) => w.id)).toEqual(before.map((w) => w.id));
  });
});
