import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WEB_MAX_CLIENT_MESSAGE_BYTES } from '../../shared/api/wire';
import { defaultRetryPolicy } from '../../shared/model/retry-policy';
import { IMPORT_TEXT_MAX_CHARS } from '../../shared/api/workspaces';
import { FEED_BODY_MAX_CHARS } from '../../shared/api/feeds';
import type { TestWebServer } from '../support/web/test-web-server';
import { startTestWebServer } from '../support/web/test-web-server';
import { openRawSocket, type RawSocket } from '../support/hardening/raw-socket';
import { connectPageApi } from './support';

// Web mode's socket under messages a hostile or buggy page sends: every one gets an answer and
// the page's socket — with the feeds it has open — stays up.

let server: TestWebServer | null = null;
let ticker: Server | null = null;
const sockets: RawSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server?.close();
  server = null;
  await new Promise((resolve) => (ticker ? ticker.close(resolve) : resolve(undefined)));
  ticker = null;
});

/** An SSE server sending one event every 50 ms, for a feed that must keep flowing. */
async function startTicker(): Promise<string> {
  ticker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    let n = 0;
    const timer = setInterval(() => res.write(`data: ${++n}\n\n`), 50);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => ticker!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(ticker.address() as AddressInfo).port}/`;
}

async function socketWithFeed(): Promise<{ socket: RawSocket; feedId: string }> {
  const url = await startTicker();
  server = await startTestWebServer();
  const socket = await openRawSocket(server);
  sockets.push(socket);
  const opened = (await socket.command(1, 'feeds:open', { name: 'ticks', url })) as {
    ok: boolean;
    value: { feedId: string };
  };
  expect(opened.ok).toBe(true);
  return { socket, feedId: opened.value.feedId };
}

async function expectFeedStillFlowing(socket: RawSocket, feedId: string): Promise<void> {
  const before = socket.frames().length;
  await expect.poll(() => socket.frames().length, { timeout: 10_000 }).toBeGreaterThan(before);
  expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  expect(await socket.command(99, 'feeds:list')).toMatchObject({
    ok: true,
    value: [expect.objectContaining({ feedId })],
  });
}

describe('web mode socket limits and errors', () => {
  it('answers a message over the size limit with an error and keeps the socket and its feeds', async () => {
    const { socket, feedId } = await socketWithFeed();
    const padding = 'x'.repeat(WEB_MAX_CLIENT_MESSAGE_BYTES);
    const huge = JSON.stringify({
      type: 'command',
      id: 7,
      channel: 'app:ping',
      request: { message: padding },
    });
    expect(await socket.send(huge, 7)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/Message too large/),
        reason: 'message-too-large',
        params: { bytes: Buffer.byteLength(huge), limit: WEB_MAX_CLIENT_MESSAGE_BYTES },
      },
    });
    await expectFeedStillFlowing(socket, feedId);
  });

  it('answers malformed JSON, binary frames and unusable ids with an error reply, not silence', async () => {
    const { socket, feedId } = await socketWithFeed();
    for (const [data, binary] of [
      ['{"type":"command","id":', false],
      [Buffer.from([0xff, 0x00, 0x01]), true],
      [JSON.stringify({ type: 'command', id: 'abc', channel: 'app:info' }), false],
      [JSON.stringify({ type: 'command', id: -1, channel: 'app:info' }), false],
      [JSON.stringify({ type: 'command', id: 1.5, channel: 'app:info' }), false],
      ['[]', false],
      ['null', false],
    ] as const) {
      expect(await socket.send(data, null, { binary }), String(data)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(/Malformed message/) },
      });
    }
    await expectFeedStillFlowing(socket, feedId);
  });

  it('calls an id that is not a valid workspace or feed id invalid-input, not internal', async () => {
    server = await startTestWebServer();
    const socket = await openRawSocket(server);
    sockets.push(socket);
    for (const [id, channel, request] of [
      [1, 'workspaces:get', { id: '../../etc/passwd' }],
      [2, 'workspaces:delete', { id: 'a/b' }],
      [3, 'workspaces:duplicate', { id: '.hidden' }],
    ] as const) {
      expect(await socket.command(id, channel, request), channel).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
  });

  it('fits the largest valid requests: a 20 MiB import and a 10 MiB body', async () => {
    server = await startTestWebServer();
    const socket = await openRawSocket(server);
    sockets.push(socket);
    // 20 Mi characters of non-ASCII text: 40 MiB of UTF-8 on the wire.
    const notes = 'é'.repeat(20_000);
    const endpoints = Array.from({ length: 1_000 }, (_, i) => ({
      id: `e${i}`,
      name: `e${i}`,
      url: 'http://127.0.0.1:9/',
      method: 'GET',
      headers: [],
      body: { kind: 'none', text: '', contentType: '' },
      retry: { ...defaultRetryPolicy('GET'), enabled: false },
      lastEventId: '',
      idleTimeoutMs: 0,
      connectTimeoutMs: 0,
      tls: { allowInvalidCertificates: false },
      proxy: { mode: 'none', url: '' },
      notes,
      tags: [],
    }));
    const text = JSON.stringify({
      format: 'eventscope-workspace-export',
      schemaVersion: 1,
      exportedAt: '2026-12-01T00:00:00.000Z',
      secretsIncluded: false,
      workspace: {
        id: 'big-import',
        name: 'Big',
        endpoints,
        variables: [],
        createdAt: '2026-12-01T00:00:00.000Z',
        updatedAt: '2026-12-01T00:00:00.000Z',
      },
    });
    expect(text.length).toBeGreaterThan(20_000_000);
    expect(text.length).toBeLessThanOrEqual(IMPORT_TEXT_MAX_CHARS);
    const imported = await socket.command(1, 'workspaces:import', { text });
    expect(imported).toMatchObject({ ok: true, value: { workspace: { name: 'Big' } } });

    const url = await startTicker();
    const body = 'b'.repeat(FEED_BODY_MAX_CHARS);
    const opened = await socket.command(2, 'feeds:open', {
      name: 'big body',
      url,
      method: 'POST',
      body,
    });
    expect(opened).toMatchObject({ ok: true });
  }, 60_000);

  it("refuses an oversized command in the page's own client without losing the socket", async () => {
    server = await startTestWebServer();
    const page = connectPageApi(server);
    try {
      expect((await page.api.ping({ message: 'before' })).ok).toBe(true);
      const result = await page.api.importWorkspace({
        text: 'é'.repeat(WEB_MAX_CLIENT_MESSAGE_BYTES / 2 + 1),
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-input',
          message: expect.stringMatching(/Message too large/),
          reason: 'message-too-large',
        },
      });
      expect(page.status()).toBe('open');
      expect((await page.api.ping({ message: 'after' })).ok).toBe(true);
    } finally {
      page.dispose();
    }
  });
});
