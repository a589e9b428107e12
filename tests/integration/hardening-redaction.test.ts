import { afterEach, describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../shared/api/feeds';
import { createEndpoint } from '../../shared/model/workspace';
import type { SocketApiHandle } from '../../renderer/src/socket-api';
import type { TestWebServer } from '../support/web/test-web-server';
import { startTestWebServer } from '../support/web/test-web-server';
import { allFiles, findLeaks } from '../support/store/test-store';
import {
  SECRET_HEADERS,
  SECRETS,
  startEchoServer,
  type EchoServer,
} from '../support/hardening/echo-server';
import { connectPageApi } from './support';

// Secrets never reach a file, whichever door the request came through: a quick-open feed
// (feeds:open), a saved endpoint — searched in every form in every file the app wrote.

let server: TestWebServer | null = null;
let echo: EchoServer | null = null;
const pages: SocketApiHandle[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) page.dispose();
  await server?.close();
  await echo?.close();
  server = null;
  echo = null;
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function untilEnded(states: FeedSummary[], feedId: string): Promise<void> {
  await expect
    .poll(() => states.filter((s) => s.feedId === feedId).at(-1)?.state.type, { timeout: 15_000 })
    .toMatch(/^(closed|failed)$/);
}

describe('secrets in everything the app writes', () => {
  it('are redacted in every form for quick-open feeds and saved endpoints alike', async () => {
    echo = await startEchoServer();
    server = await startTestWebServer();
    const page = connectPageApi(server);
    pages.push(page);
    const api = page.api;
    value(await api.setSecretsPolicy({ storeUnprotected: true }));
    const states: FeedSummary[] = [];
    api.onFeedState((s) => states.push(s));
    const noRetry = { enabled: false };

    // Quick open: the headers, an echoed 401 body, and a URL with user:password.
    const opened: string[] = [];
    for (const path of ['/stream', '/401']) {
      const feed = value(
        await api.openFeed({
          name: `quick ${path}`,
          url: echo.url(path),
          headers: SECRET_HEADERS,
          retry: { ...createEndpoint({ name: 'x', url: 'http://h/' }).retry, ...noRetry },
        }),
      );
      opened.push(feed.feedId);
    }
    const credentialed = `http://${encodeURIComponent(SECRETS.urlUser)}:${encodeURIComponent(SECRETS.urlPassword)}@127.0.0.1:${echo.port}/stream`;
    const withCredentials = await api.openFeed({ name: 'creds', url: credentialed });
    if (withCredentials.ok) opened.push(withCredentials.value.feedId);
    else expect(JSON.stringify(withCredentials)).not.toContain(SECRETS.urlPassword);

    // A saved endpoint with a secret variable, exported too.
    const ws = value(await api.createWorkspace({ name: 'Redaction' }));
    const endpoint = createEndpoint({ name: 'saved', url: `${echo.url('/stream')}?t={{tok}}` });
    endpoint.retry.enabled = false;
    endpoint.headers = [
      ...SECRET_HEADERS.map((h) => ({ ...h, enabled: true, secret: h.secret === true })),
      { name: 'X-Var', value: '{{tok}}', enabled: true, secret: false },
    ];
    value(
      await api.saveWorkspace({
        workspace: {
          ...ws,
          endpoints: [endpoint],
          variables: [{ name: 'tok', value: SECRETS.variable, secret: true }],
        },
      }),
    );
    const saved = value(await api.openEndpoint({ workspaceId: ws.id, endpointId: endpoint.id }));
    opened.push(saved.feedId);
    for (const feedId of opened) await untilEnded(states, feedId);
    const exported = value(await api.exportWorkspace({ id: ws.id }));
    expect(exported.type).toBe('download');

    const dataDir = server.dataDir;
    await server.close();
    server = null;
    const written = allFiles(dataDir).map((f) => f.path);
    expect(written.filter((p) => p.includes('/logs/')).length).toBeGreaterThanOrEqual(3);
    // The logs did capture what the server echoed, redacted.
    const logText = allFiles(dataDir)
      .filter((f) => f.path.includes('/logs/'))
      .map((f) => f.bytes.toString('utf8'))
      .join('\n');
    expect(logText).toContain('[redacted]');
    expect(logText).toContain('youSent');
    for (const secret of Object.values(SECRETS)) {
      expect(findLeaks(dataDir, secret), secret).toEqual([]);
    }
    if (exported.type === 'download') {
      for (const secret of Object.values(SECRETS)) expect(exported.text).not.toContain(secret);
    }
  }, 60_000);
});
