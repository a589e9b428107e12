import { afterEach, describe, expect, it } from 'vitest';
import { socketUrlFor } from '../../renderer/src/socket-api';
import type { SocketApiHandle } from '../../renderer/src/socket-api';
import { connectPageApi } from './support';
import { decodeFeedFrame } from '../../shared/api/frame-codec';
import { encodeFrame, eventEntry as event } from '../support/feeds/frames';
import type { WebClient, WebServer } from '../../electron/web/server';
import { startTestWebServer } from '../support/web/test-web-server';

// The renderer's WebSocket client against the real web-mode server: the browser face of the
// API, end to end, without a browser (`ws` stands in for the page's WebSocket class).

let server: WebServer | null = null;
let handle: SocketApiHandle | null = null;
afterEach(async () => {
  handle?.dispose();
  await server?.close();
  server = handle = null;
});

describe('the browser API client', () => {
  it('builds the socket URL from the page location and its token', () => {
    expect(socketUrlFor({ protocol: 'http:', host: '127.0.0.1:8845', pathname: '/tok3n/' })).toBe(
      'ws://127.0.0.1:8845/tok3n/api',
    );
    expect(socketUrlFor({ protocol: 'https:', host: 'h:1', pathname: '/t/index.html' })).toBe(
      'wss://h:1/t/api',
    );
  });

  it('sends commands queued before the socket opened and gets typed results', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    const [info, ping] = await Promise.all([
      handle.api.getAppInfo(),
      handle.api.ping({ message: 'hello' }),
    ]);
    expect(info).toMatchObject({ ok: true, value: { name: 'Eventscope', face: 'web' } });
    expect(ping).toMatchObject({ ok: true, value: { message: 'hello' } });
  });

  it('delivers notifications sent to its page', async () => {
    let client: WebClient | null = null;
    server = await startTestWebServer((c) => (client = c));
    handle = connectPageApi(server);
    const notices: unknown[] = [];
    handle.api.onNotice((notice) => notices.push(notice));
    await handle.api.getAppInfo();
    client!.notify('app:notice-posted', { level: 'info', message: 'demo server started', at: 5 });
    await expect
      .poll(() => notices)
      .toEqual([{ level: 'info', message: 'demo server started', at: 5 }]);
  });

  it('fails pending commands with unavailable when the server goes away, instead of hanging', async () => {
    server = await startTestWebServer();
    handle = connectPageApi(server);
    await handle.api.getAppInfo();
    await server.close();
    server = null;
    const result = await handle.api.getAppInfo();
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('hands the store every frame of a message that carries several feeds, in order', async () => {
    let client: WebClient | null = null;
    server = await startTestWebServer((c) => (client = c));
    handle = connectPageApi(server);
    const received: string[] = [];
    handle.api.onFeedFrame((encoded) => received.push(encoded));
    await handle.api.getAppInfo();
    const sent = [
      { feedId: 'a', firstSeq: 1, entries: [event(1, 'line one\nline two')], dropped: 0 },
      { feedId: 'b', firstSeq: 1, entries: [event(1, 'b1'), event(2, 'b2')], dropped: 0 },
      { feedId: 'a', firstSeq: 2, entries: [event(2, 'a2')], dropped: 3 },
    ];
    // Sent in one turn, as frames flushed by the same timer are: they share one socket message.
    for (const frame of sent) client!.sendFrame(frame, encodeFrame(frame));
    await expect.poll(() => received.length).toBe(3);
    expect(received.map(decodeFeedFrame)).toEqual(sent);
  });
});
