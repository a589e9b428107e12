import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { TestWebServer } from '../../tests/support/web/test-web-server';
import {
  SECRET_BESIDE_RENDERER,
  startTestWebServer,
} from '../../tests/support/web/test-web-server';

let server: TestWebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls Host and Origin exactly (fetch would not let it). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify(message));
  });
}

describe('web mode HTTP', () => {
  it('refuses the page without the token and serves it under the token', async () => {
    server = await startTestWebServer();
    const without = await get(server.port, '/');
    expect(without.status).toBe(403);
    expect(without.body).toMatch(/access token/);
    expect((await get(server.port, '/nope/')).status).toBe(403);
    expect((await get(server.port, '/?token=nope')).status).toBe(403);
    const right = await get(server.port, `/${server.token}/`);
    expect(right.status).toBe(200);
    expect(right.body).toContain('<div id="app">');
    expect(right.headers['content-security-policy']).toContain("script-src 'self'");
    expect(right.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets only under the token, and never sets a cookie other ports would receive', async () => {
    server = await startTestWebServer();
    const page = await get(server.port, `/${server.token}/`);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await get(server.port, '/assets/app.js')).status).toBe(403);
    const asset = await get(server.port, `/${server.token}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('sends an old-style ?token= link, and the bare token, to the app under its token', async () => {
    server = await startTestWebServer();
    for (const path of [`/?token=${server.token}`, `/${server.token}`]) {
      const reply = await get(server.port, path);
      expect(reply.status).toBe(302);
      expect(reply.headers.location).toBe(`/${server.token}/`);
    }
  });

  it('refuses a foreign Host even with the right token (DNS rebinding)', async () => {
    server = await startTestWebServer();
    const reply = await get(server.port, `/${server.token}/`, {
      host: `attacker.example:${server.port}`,
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/Host/);
  });

  it('accepts localhost as another name for 127.0.0.1', async () => {
    server = await startTestWebServer();
    const reply = await get(server.port, `/${server.token}/`, {
      host: `localhost:${server.port}`,
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a request carrying a foreign Origin', async () => {
    server = await startTestWebServer();
    const reply = await get(server.port, `/${server.token}/`, {
      origin: 'https://evil.example',
    });
    expect(reply.status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    server = await startTestWebServer();
    const climbs = [
      '/../secret.js',
      '/%2e%2e/secret.js',
      '/assets/..%2f..%2f..%2fsecret.js',
      '/..%5csecret.js',
    ];
    for (const path of climbs) {
      const reply = await get(server.port, `/${server.token}${path}`);
      // Refused either way: climbing out of /<token>/ loses the token (403), or is not found (404).
      expect([403, 404]).toContain(reply.status);
      expect(reply.body).not.toContain(SECRET_BESIDE_RENDERER);
    }
  });
});

describe('web mode WebSocket API', () => {
  it('round-trips app:info and app:ping', async () => {
    server = await startTestWebServer();
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/${server.token}/api`, {
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(await call(ws, { type: 'command', id: 1, channel: 'app:info' })).toMatchObject({
      type: 'result',
      id: 1,
      result: { ok: true, value: { name: 'Eventscope', face: 'web', dataDir: server.dataDir } },
    });
    expect(
      await call(ws, { type: 'command', id: 2, channel: 'app:ping', request: { message: 'x' } }),
    ).toMatchObject({ id: 2, result: { ok: true, value: { message: 'x' } } });
    ws.close();
  });

  it('answers an invalid payload and an unknown channel with clear errors', async () => {
    server = await startTestWebServer();
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/${server.token}/api`);
    expect(
      await call(ws, { type: 'command', id: 3, channel: 'app:ping', request: { message: 7 } }),
    ).toMatchObject({
      id: 3,
      result: {
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(/message/) },
      },
    });
    expect(await call(ws, { type: 'command', id: 4, channel: 'fs:read' })).toMatchObject({
      id: 4,
      result: { ok: false, error: { code: 'unknown-channel' } },
    });
    expect(
      await call(ws, { type: 'command', id: 5, channel: 'app:info', extra: true }),
    ).toMatchObject({
      id: 5,
      result: { ok: false, error: { code: 'invalid-input' } },
    });
    ws.close();
  });

  it('refuses a socket without the token or from a foreign origin', async () => {
    server = await startTestWebServer();
    await expect(openSocket(`ws://127.0.0.1:${server.port}/api`)).rejects.toThrow(/403/);
    await expect(openSocket(`ws://127.0.0.1:${server.port}/nope/api`)).rejects.toThrow(/403/);
    await expect(
      openSocket(`ws://127.0.0.1:${server.port}/${server.token}/api`, {
        origin: 'https://evil.example',
      }),
    ).rejects.toThrow(/403/);
    await expect(openSocket(`ws://127.0.0.1:${server.port}/${server.token}/other`)).rejects.toThrow(
      /404/,
    );
  });

  it('runs the per-page cleanup when the page goes away', async () => {
    let disposed = 0;
    server = await startTestWebServer(
      () => {},
      () => (disposed += 1),
    );
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/${server.token}/api`);
    await call(ws, { type: 'command', id: 1, channel: 'app:info' });
    expect(server.clientCount()).toBe(1);
    ws.close();
    await expect.poll(() => disposed).toBe(1);
    expect(server.clientCount()).toBe(0);
  });

  it('leaves no socket or server handle behind after close', async () => {
    const before = process
      .getActiveResourcesInfo()
      .filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length;
    server = await startTestWebServer();
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/${server.token}/api`);
    await call(ws, { type: 'command', id: 1, channel: 'app:info' });
    await server.close();
    server = null;
    await expect
      .poll(
        () =>
          process
            .getActiveResourcesInfo()
            .filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length,
      )
      .toBeLessThanOrEqual(before);
  });
});
