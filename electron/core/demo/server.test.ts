import { request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServerOptions, type DemoServer } from './server';
import { readBlocks } from '../../../tests/support/sse/sse-test-reader';

const FAST = { tickMs: 10, chatTokenMs: 2, reconnectMs: 10, flakyDropEvery: 3 };

let server: DemoServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(options: DemoServerOptions = FAST): Promise<DemoServer> {
  server = await createDemoServer(options);
  return server;
}

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Handles that would keep a process alive: the ones a closed server must not leave behind. */
function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) {
    if (name === 'Timeout' || name.startsWith('TCP')) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe('demo server', () => {
  it('listens on loopback at a free port and serves an index page listing every route', async () => {
    const demo = await start();
    expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`);
    const response = await fetch(`${demo.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const path of ['/stream', '/counter', '/chat', '/flaky', '/burst']) {
      expect(html).toContain(`href="${path}`);
    }
  });

  it('serves the classic /stream: retry 10000, a connecttime event, then the date every tick', async () => {
    const demo = await start();
    const response = await fetch(`${demo.url}/stream`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const { blocks } = await readBlocks(response, (b) => b.length >= 4);
    expect(blocks[0]).toMatchObject({ retry: '10000', event: 'connecttime' });
    for (const block of blocks) {
      expect(Number.isNaN(Date.parse(block.data ?? ''))).toBe(false);
    }
    expect(blocks.slice(1).every((b) => b.event === undefined && b.retry === undefined)).toBe(true);
  });

  it('numbers /counter events with ids and resumes after Last-Event-ID', async () => {
    const demo = await start();
    const first = await readBlocks(await fetch(`${demo.url}/counter`), (b) => b.length >= 4);
    expect(first.blocks.slice(1).map((b) => [b.id, b.data])).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
    ]);
    const resumed = await readBlocks(
      await fetch(`${demo.url}/counter`, { headers: { 'Last-Event-ID': '41' } }),
      (b) => b.length >= 3,
    );
    expect(resumed.blocks.slice(1).map((b) => b.id)).toEqual(['42', '43']);
  });

  it('ends the /counter body after ?limit events', async () => {
    const demo = await start();
    const result = await readBlocks(await fetch(`${demo.url}/counter?limit=2`));
    expect(result.ended).toBe(true);
    expect(result.blocks.filter((b) => b.data !== undefined).map((b) => b.data)).toEqual([
      '1',
      '2',
    ]);
  });

  it('streams /chat tokens for a POSTed prompt and ends with data: [DONE]', async () => {
    const demo = await start();
    const response = await fetch(`${demo.url}/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-token' },
      body: JSON.stringify({ prompt: 'Hello there' }),
    });
    expect(response.status).toBe(200);
    const result = await readBlocks(response);
    expect(result.ended).toBe(true);
    const data = result.blocks.map((b) => b.data ?? '');
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map(
      (d) =>
        JSON.parse(d) as {
          object: string;
          choices: { delta: { content?: string }; finish_reason: string | null }[];
        },
    );
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toContain('You said: "Hello there"');
    expect(chunks.length).toBeGreaterThan(10);
  });

  it('rejects /chat requests that are not a POST with a JSON prompt, with a JSON 4xx', async () => {
    const demo = await start();
    const get = await fetch(`${demo.url}/chat`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toContain('POST');
    expect(await get.json()).toMatchObject({ error: 'method_not_allowed' });

    const badJson = await fetch(`${demo.url}/chat`, { method: 'POST', body: '{"prompt":' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: 'invalid_json' });

    const noPrompt = await fetch(`${demo.url}/chat`, { method: 'POST', body: '[1,2]' });
    expect(noPrompt.status).toBe(400);
    expect(await noPrompt.json()).toMatchObject({ error: 'missing_prompt' });

    const badAuth = await fetch(`${demo.url}/chat`, {
      method: 'POST',
      headers: { Authorization: 'Basic abc' },
      body: '{"prompt":"hi"}',
    });
    expect(badAuth.status).toBe(401);
    expect(await badAuth.json()).toMatchObject({ error: 'invalid_token' });
  });

  it('cuts /flaky mid-event every few events, and a resumed client misses no number', async () => {
    const demo = await start();
    // node:http rather than fetch: an errored web stream discards the bytes queued before the
    // error, and the half event is exactly what this test must see.
    const raw = await new Promise<{ text: string; complete: boolean }>((resolve) => {
      request(`${demo.url}/flaky`, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('close', () => resolve({ text, complete: res.complete }));
      }).end();
    });
    expect(raw.complete).toBe(false);
    expect(raw.text.endsWith('id: 4\ndata: this event is cut off mid-way')).toBe(true);
    expect([...raw.text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);

    const second = await readBlocks(
      await fetch(`${demo.url}/flaky`, { headers: { 'Last-Event-ID': '3' } }),
    );
    expect(second.blocks.filter((b) => b.id).map((b) => b.id)).toEqual(['4', '5', '6']);
  });

  it('delivers exactly n /burst events of size bytes, then ends', async () => {
    const demo = await start();
    const response = await fetch(`${demo.url}/burst?n=5000&size=100`);
    const result = await readBlocks(response);
    expect(result.ended).toBe(true);
    expect(result.error).toBeUndefined();
    expect(result.blocks).toHaveLength(5000);
    expect(result.blocks.every((b) => Buffer.byteLength(b.data ?? '') === 100)).toBe(true);
    expect(result.blocks.at(-1)?.id).toBe('5000');
  });

  it('rejects a /burst query that is not a whole number', async () => {
    const demo = await start();
    const response = await fetch(`${demo.url}/burst?n=-1&size=abc`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad_query' });
  });

  it('holds /burst back while the client does not read, instead of buffering it all', async () => {
    const demo = await start();
    const heapBefore = process.memoryUsage();
    // 1,000 events of 1 MiB: ~1 GiB, which would blow the heap if backpressure were ignored.
    const paused = await new Promise<IncomingMessage>((resolve) => {
      request(`${demo.url}/burst?n=1000&size=1048576`, resolve).end();
    });
    paused.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = process.memoryUsage();
    const grown = after.heapUsed + after.external - (heapBefore.heapUsed + heapBefore.external);
    expect(grown).toBeLessThan(150 * 1024 * 1024);
    paused.destroy();
  });

  it("sends no CORS headers when started as the app's built-in server", async () => {
    const demo = await start({ ...FAST, cors: false });
    const stream = await fetch(`${demo.url}/counter?limit=1`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(stream.headers.get('access-control-allow-origin')).toBeNull();
    await stream.text();
    const preflight = await fetch(`${demo.url}/chat`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a CORS preflight allowing Authorization, Content-Type and Last-Event-ID', async () => {
    const demo = await start();
    const preflight = await fetch(`${demo.url}/chat`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://example.test',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, last-event-id',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'last-event-id']) {
      expect(allowed).toContain(header);
    }
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const stream = await fetch(`${demo.url}/counter?limit=1`);
    expect(stream.headers.get('access-control-allow-origin')).toBe('*');
    await stream.text();
    const missing = await fetch(`${demo.url}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('ends every open stream on close and leaves no timer or socket behind', async () => {
    const baseline = liveHandles();
    const demo = await createDemoServer({ ...FAST, tickMs: 5 });
    const reads = [
      readBlocks(await fetch(`${demo.url}/stream`)),
      readBlocks(await fetch(`${demo.url}/counter`)),
      readBlocks(await fetch(`${demo.url}/flaky`, { headers: { 'Last-Event-ID': '0' } })),
      readBlocks(
        await fetch(`${demo.url}/chat`, { method: 'POST', body: '{"prompt":"a long one"}' }),
      ),
    ];
    await new Promise((resolve) => setTimeout(resolve, 30));
    await demo.close();
    const results = await Promise.all(reads);
    expect(results.every((r) => r.ended)).toBe(true);
    await waitFor(() =>
      Object.entries(liveHandles()).every(([name, count]) => count <= (baseline[name] ?? 0)),
    );
  });

  it('lets close be called twice', async () => {
    const demo = await createDemoServer(FAST);
    await Promise.all([demo.close(), demo.close()]);
    await demo.close();
  });
});
