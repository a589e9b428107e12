import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../shared/api/feeds';
import { createEndpoint, createHeader } from '../../shared/model/workspace';
import type { SocketApiHandle } from '../../renderer/src/socket-api';
import type { TestWebServer } from '../support/web/test-web-server';
import { startTestWebServer } from '../support/web/test-web-server';
import { findLeaks, SEEDED_SECRET } from '../support/store/test-store';
import { connectPageApi } from './support';

// The workspaces API through web mode's real transport: two pages on one server,
// the real store on disk, the built-in demo server.

let server: TestWebServer | null = null;
const pages: SocketApiHandle[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) page.dispose();
  await server?.close();
  server = null;
});

function page(s: TestWebServer): SocketApiHandle {
  const handle = connectPageApi(s);
  pages.push(handle);
  return handle;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('workspaces over the web-mode socket', () => {
  it('shows a change made in one page to the others', async () => {
    server = await startTestWebServer();
    const a = page(server).api;
    const b = page(server).api;
    const heard: string[][] = [];
    b.onWorkspacesChanged(({ ids }) => heard.push(ids));
    await b.listWorkspaces(); // b is connected before a writes
    const created = value(await a.createWorkspace({ name: 'Shared' }));
    await expect.poll(() => heard).toContainEqual([created.id]);
    expect(value(await b.listWorkspaces()).map((w) => w.name)).toContain('Shared');
  });

  it('refuses an invalid workspace with the field that is wrong', async () => {
    server = await startTestWebServer();
    const api = page(server).api;
    const demo = value(await api.listWorkspaces())[0]!;
    const { workspace } = value(await api.getWorkspace({ id: demo.id }));
    const broken = { ...workspace, endpoints: [{ ...workspace.endpoints[0]!, method: '' }] };
    const result = await api.saveWorkspace({ workspace: broken });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/method/) },
    });
  });

  it('hands an export to the browser to download, secrets left out', async () => {
    server = await startTestWebServer();
    const api = page(server).api;
    const ws = value(await api.createWorkspace({ name: 'Keys' }));
    const endpoint = {
      ...createEndpoint({ name: 'e', url: 'http://127.0.0.1:9/x' }),
      headers: [createHeader('X-Api-Key', SEEDED_SECRET)],
    };
    value(await api.saveEndpoint({ workspaceId: ws.id, endpoint }));
    const exported = value(await api.exportWorkspace({ id: ws.id }));
    expect(exported).toMatchObject({ type: 'download', fileName: 'Keys.eventscope.json' });
    expect(exported.type === 'download' && exported.text).not.toContain(SEEDED_SECRET);
  });

  it('leaves no plaintext secret in any file the app writes: workspaces, backups, logs, exports', async () => {
    server = await startTestWebServer();
    const api = page(server).api;
    value(await api.setSecretsPolicy({ storeUnprotected: true }));
    const demoUrl = value(await api.startDemoServer()).url;
    const ws = value(await api.createWorkspace({ name: 'Leak check' }));
    const endpoint = {
      ...createEndpoint({ name: 'chat', url: `${demoUrl}/chat`, method: 'POST' }),
      headers: [
        createHeader('Authorization', 'Bearer {{token}}'),
        createHeader('X-Api-Key', SEEDED_SECRET),
      ],
      body: { kind: 'json' as const, text: '{"prompt":"hi"}', contentType: '' },
    };
    value(
      await api.saveWorkspace({
        workspace: {
          ...ws,
          endpoints: [endpoint],
          variables: [{ name: 'token', value: SEEDED_SECRET, secret: true }],
        },
      }),
    );
    const states: FeedSummary[] = [];
    api.onFeedState((s) => states.push(s));
    const feed = value(await api.openEndpoint({ workspaceId: ws.id, endpointId: endpoint.id }));
    await expect
      .poll(() => states.filter((s) => s.feedId === feed.feedId).at(-1)?.state.type, {
        timeout: 15_000,
      })
      .toMatch(/^(closed|failed)$/);
    value(await api.closeFeed({ feedId: feed.feedId }));
    const exported = value(await api.exportWorkspace({ id: ws.id }));
    if (exported.type === 'download')
      writeFileSync(join(server.dataDir, exported.fileName), exported.text);
    const missing = await api.openEndpoint({ workspaceId: ws.id, endpointId: 'nope' });
    expect(missing.ok).toBe(false);
    expect(JSON.stringify(missing)).not.toContain(SEEDED_SECRET);
    // Every write is flushed when the server (and its store) closes.
    const dataDir = server.dataDir;
    await server.close();
    server = null;
    expect(findLeaks(dataDir, SEEDED_SECRET)).toEqual([]);
  });
});
