import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../shared/api/feeds';
import { decodeFeedFrame } from '../../shared/api/frame-codec';
import type { FeedFrame } from '../../shared/api/frames';
import type { SocketApiHandle } from '../../renderer/src/socket-api';
import { connectPageApi } from './support';
import type { TestWebServer } from '../support/web/test-web-server';
import { startTestWebServer } from '../support/web/test-web-server';

// The feeds API through web mode's real transport: the renderer's socket client, the web
// server, the core feed manager and the built-in demo server, all in one process.

let server: TestWebServer | null = null;
let handle: SocketApiHandle | null = null;
afterEach(async () => {
  handle?.dispose();
  await server?.close();
  server = handle = null;
});

function logsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ndjson'))
    .map((e) => join(e.parentPath, e.name));
}

describe('feeds over the web-mode socket', () => {
  it('streams a demo burst into frames with contiguous seq numbers', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const frames: FeedFrame[] = [];
    const states: FeedSummary[] = [];
    handle.api.onFeedFrame((frame) => frames.push(decodeFeedFrame(frame)));
    handle.api.onFeedState((summary) => states.push(summary));
    const demo = await handle.api.startDemoServer();
    if (!demo.ok) throw new Error(demo.error.message);
    const opened = await handle.api.openFeed({
      name: 'burst',
      url: `${demo.value.url}/burst?n=3000`,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    await expect.poll(() => states.at(-1)?.state.type, { timeout: 15_000 }).toBe('retrying');
    const entries = frames
      .filter((f) => f.feedId === opened.value.feedId)
      .flatMap((f) => f.entries);
    expect(entries.filter((e) => e.kind === 'event')).toHaveLength(3000);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect((await handle.api.listFeeds()).ok).toBe(true);
  });

  it('refuses an invalid feed request with a message naming the field', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const result = await handle.api.openFeed({ name: 'x', url: 'file:///etc/passwd' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/url/) },
    });
    const missing = await handle.api.closeFeed({ feedId: 'nope' });
    expect(missing).toEqual({ ok: true, value: { closed: false } });
  });

  it('closes the feeds of a page whose socket goes away, and its log records why', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const demo = await handle.api.startDemoServer();
    if (!demo.ok) throw new Error(demo.error.message);
    const states: FeedSummary[] = [];
    handle.api.onFeedState((s) => states.push(s));
    const opened = await handle.api.openFeed({ name: 'clock', url: `${demo.value.url}/stream` });
    expect(opened.ok).toBe(true);
    await expect.poll(() => states.at(-1)?.state.type).toBe('open');
    handle.dispose();
    handle = null;
    const logsDir = join(server.dataDir, 'logs');
    await expect
      .poll(() => {
        const [log] = logsUnder(logsDir);
        return log ? readFileSync(log, 'utf8') : '';
      })
      .toMatch(/"kind":"state","state":\{"type":"closed"[^}]*"reason":"user"/);
  });
});
