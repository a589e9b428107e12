import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportProgress, FeedFrame, FeedSummary } from '../../shared/api';
import type { SocketApiHandle } from '../../renderer/src/socket-api';
import type { TestWebServer } from '../support/web/test-web-server';
import { startTestWebServer } from '../support/web/test-web-server';
import { decodeFeedFrame } from '../../shared/api/frame-codec';
import { defaultRetryPolicy } from '../../shared/model/retry-policy';
import { connectPageApi } from './support';

// Sessions, export and download through web mode's real transport, as the page uses them.

let server: TestWebServer | null = null;
let handle: SocketApiHandle | null = null;
afterEach(async () => {
  handle?.dispose();
  await server?.close();
  server = handle = null;
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function recordBurst(api: SocketApiHandle['api'], n: number) {
  const states: FeedSummary[] = [];
  api.onFeedState((s) => states.push(s));
  const demo = value(await api.startDemoServer());
  const feed = value(
    await api.openFeed({
      name: 'Burst',
      workspace: 'Demo',
      url: `${demo.url}/burst?n=${n}&size=16`,
      retry: { ...defaultRetryPolicy('GET'), enabled: false },
    }),
  );
  await expect
    .poll(() => states.some((s) => s.feedId === feed.feedId && s.state.type === 'closed'), {
      timeout: 15_000,
    })
    .toBe(true);
  return feed;
}

describe('sessions and export over the web-mode socket', () => {
  it('exports a filtered live feed as a one-shot download that holds only the matching events', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const api = handle.api;
    const feed = await recordBurst(api, 200);
    const progress: ExportProgress[] = [];
    api.onExportProgress((p) => progress.push(p));
    const result = value(
      await api.startExport({
        exportId: 'e1',
        scope: { type: 'view', feedId: feed.feedId, filterText: 'id:7' },
        format: 'csv',
      }),
    );
    if (result.type !== 'download') throw new Error(`expected a download, got ${result.type}`);
    const url = new URL(result.url, server.url).toString();
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const rows = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.lastEventId)).toEqual(['7']);
    expect(result.records).toBe(1);
    expect(progress.at(-1)).toMatchObject({ exportId: 'e1', records: 1 });
    // One-shot: the URL is spent and the temporary file is gone.
    expect((await fetch(url)).status).toBe(404);
    await expect.poll(() => readdirSync(join(server!.dataDir, 'exports'))).toEqual([]);
  });

  it('rejects a filter with a syntax error and says why', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const feed = await recordBurst(handle.api, 5);
    const result = await handle.api.startExport({
      exportId: 'bad',
      scope: { type: 'view', feedId: feed.feedId, filterText: '/unclosed' },
      format: 'jsonl',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/filter/i);
  });

  it('lists a past session with its facts, opens it read-only with every entry, and deletes it', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const api = handle.api;
    const live = await recordBurst(api, 300);
    value(await api.closeFeed({ feedId: live.feedId }));
    const sessions = value(await api.listSessions({ workspace: 'Demo', endpoint: 'Burst' }));
    expect(sessions).toHaveLength(1);
    const [session] = sessions;
    expect(session).toMatchObject({ name: 'Burst', events: 300, ending: 'closed', trimmed: false });
    expect(session!.sizeBytes).toBeGreaterThan(300 * 16);

    const frames: FeedFrame[] = [];
    api.onFeedFrame((f) => frames.push(decodeFeedFrame(f)));
    const opened = value(await api.openSession({ id: session!.id }));
    expect(opened.readOnly).toBe(true);
    await expect
      .poll(
        () =>
          frames
            .filter((f) => f.feedId === opened.feedId)
            .flatMap((f) => f.entries)
            .filter((e) => e.kind === 'event').length,
        { timeout: 10_000 },
      )
      .toBe(300);

    const sessionExport = value(
      await api.startExport({
        exportId: 's',
        scope: { type: 'session', id: session!.id },
        format: 'jsonl',
      }),
    );
    expect(sessionExport).toMatchObject({ type: 'download', records: 300 });

    value(await api.closeFeed({ feedId: opened.feedId }));
    expect(value(await api.deleteSession({ id: session!.id }))).toEqual({ deleted: true });
    expect(value(await api.listSessions({}))).toEqual([]);
    expect(existsSync(join(server.dataDir, 'logs', 'Demo', 'Burst'))).toBe(true);
  });

  it('replays a past session as a new endpoint that streams the same events', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const api = handle.api;
    const live = await recordBurst(api, 50);
    value(await api.closeFeed({ feedId: live.feedId }));
    const [session] = value(await api.listSessions({ endpoint: 'Burst', workspace: 'Demo' }));
    const [workspace] = value(await api.listWorkspaces());
    const added = value(
      await api.replaySession({ id: session!.id, workspaceId: workspace!.id, speed: 'max' }),
    );
    expect(added.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const details = value(await api.getWorkspace({ id: workspace!.id }));
    expect(details.workspace.endpoints.find((e) => e.id === added.endpointId)).toMatchObject({
      name: 'Replay of Burst',
      url: added.url,
    });
    const frames: FeedFrame[] = [];
    api.onFeedFrame((f) => frames.push(decodeFeedFrame(f)));
    const replayed = value(
      await api.openEndpoint({ workspaceId: workspace!.id, endpointId: added.endpointId }),
    );
    await expect
      .poll(
        () =>
          frames
            .filter((f) => f.feedId === replayed.feedId)
            .flatMap((f) => f.entries)
            .filter((e) => e.kind === 'event')
            .map((e) => (e.kind === 'event' ? e.lastEventId : '')).length,
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(50);
    const ids = frames
      .filter((f) => f.feedId === replayed.feedId)
      .flatMap((f) => f.entries)
      .flatMap((e) => (e.kind === 'event' ? [e.lastEventId] : []))
      .slice(0, 50);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
  });
});
