import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../../shared/api/feeds';
import type { FeedEntry } from '../../../shared/api/frames';
import { createEndpoint, createHeader } from '../../../shared/model/workspace';
import type { AppCore } from '../app-core';
import { openAppCore } from '../app-core';
import type { FeedSink } from '../feeds/feed-manager';
import { createTestCipher } from '../../../tests/support/store/test-cipher';
import { tempDataDir } from '../../../tests/support/store/test-store';
import { exportWorkspace } from './export-format';
import { CommandError } from '../../../shared/result';

let core: AppCore | null = null;
let server: Server | null = null;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await core?.dispose();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  core = server = null;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function open(options: { skipFirstLaunch?: boolean; dir?: string } = {}) {
  const data = options.dir ? { dir: options.dir, cleanup: () => {} } : tempDataDir();
  cleanups.push(data.cleanup);
  core = await openAppCore({
    face: 'web',
    dataDir: data.dir,
    cipher: createTestCipher(),
    saveDebounceMs: 5,
    skipFirstLaunch: options.skipFirstLaunch,
  });
  return { core, dir: data.dir };
}

function recordingSink() {
  const entries = new Map<string, FeedEntry[]>();
  const states: FeedSummary[] = [];
  const changed: string[][] = [];
  const sink: FeedSink = {
    id: 'page',
    canSend: () => true,
    sendFrame: (frame) =>
      entries.set(frame.feedId, [...(entries.get(frame.feedId) ?? []), ...frame.entries]),
    notify: (channel, payload) => {
      if (channel === 'feeds:state-changed') states.push(payload as FeedSummary);
      if (channel === 'workspaces:changed') changed.push((payload as { ids: string[] }).ids);
    },
  };
  const events = (feedId: string) =>
    (entries.get(feedId) ?? []).flatMap((e) => (e.kind === 'event' ? [e] : []));
  return { sink, states, changed, events };
}

/** A stream that records each request's Authorization and ends after one event. */
async function authRecordingServer() {
  const seen: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.end(`retry: 10\ndata: hello ${seen.length}\n\n`);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('the first launch', () => {
  it('creates the Demo workspace once, and respects its deletion afterwards', async () => {
    const { core: first, dir } = await open();
    const [demo] = first.workspaces.list();
    expect(demo?.name).toBe('Demo');
    const loaded = await first.workspaces.get(demo!.id);
    expect(loaded.workspace.endpoints.map((e) => e.name)).toContain('Chat completion (POST)');
    await first.workspaces.remove(demo!.id);
    await first.dispose();
    core = null;
    const { core: second } = await open({ dir });
    expect(second.workspaces.list()).toEqual([]);
  });

  it('streams a Demo endpoint within seconds, starting the demo server on demand', async () => {
    const { core } = await open();
    const page = recordingSink();
    const demo = (await core.workspaces.get(core.workspaces.list()[0]!.id)).workspace;
    const chat = demo.endpoints.find((e) => e.method === 'POST')!;
    const feed = await core.workspaces.openEndpoint(page.sink, demo.id, chat.id);
    expect(feed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/chat$/);
    await expect
      .poll(() => page.events(feed.feedId).at(-1)?.data, { timeout: 15_000 })
      .toBe('[DONE]');
    expect(page.events(feed.feedId).length).toBeGreaterThan(3);
  });
});

describe('opening a saved endpoint', () => {
  it('fails with a clear error before connecting when a variable is unknown', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    const ws = await core.workspaces.create('Mine');
    const endpoint = createEndpoint({ name: 'x', url: '{{base}}/stream' });
    await core.workspaces.saveEndpoint(ws.id, endpoint);
    const page = recordingSink();
    await expect(core.workspaces.openEndpoint(page.sink, ws.id, endpoint.id)).rejects.toThrow(
      /base/,
    );
    // The page words it from the reason: the variable's name, no English sentence.
    await expect(core.workspaces.openEndpoint(page.sink, ws.id, endpoint.id)).rejects.toMatchObject(
      { detail: { reason: 'variables-unknown', params: { names: '{{base}}' } } },
    );
    expect(core.feeds.list(page.sink)).toEqual([]);
  });

  it('resolves variables again on every reconnect, so a rotated token is picked up', async () => {
    const target = await authRecordingServer();
    const { core } = await open({ skipFirstLaunch: true });
    const ws = await core.workspaces.create('Rotating');
    const endpoint = {
      ...createEndpoint({ name: 'auth', url: `${target.url}/stream` }),
      headers: [createHeader('Authorization', 'Bearer {{token}}')],
    };
    endpoint.retry = { ...endpoint.retry, initialDelayMs: 200, jitterRatio: 0 };
    await core.workspaces.save({
      ...ws,
      endpoints: [endpoint],
      variables: [{ name: 'token', value: 'first-token', secret: true }],
    });
    const page = recordingSink();
    const feed = await core.workspaces.openEndpoint(page.sink, ws.id, endpoint.id);
    await expect.poll(() => target.seen.length).toBeGreaterThanOrEqual(1);
    const current = (await core.workspaces.get(ws.id)).workspace;
    await core.workspaces.save({
      ...current,
      variables: [{ name: 'token', value: 'rotated-token', secret: true }],
    });
    await expect
      .poll(() => target.seen.at(-1)?.authorization, { timeout: 10_000 })
      .toBe('Bearer rotated-token');
    expect(target.seen[0]?.authorization).toBe('Bearer first-token');
    await core.feeds.close(page.sink, feed.feedId);
  });

  it('tells every open page that workspaces changed', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    const a = recordingSink();
    const b = recordingSink();
    core.attach(a.sink);
    core.attach(b.sink);
    const ws = await core.workspaces.create('Shared');
    expect(a.changed).toEqual([[ws.id]]);
    expect(b.changed).toEqual([[ws.id]]);
  });
});

describe('import and export', () => {
  it('exports without secrets by default and imports as a copy when the id exists', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    const ws = await core.workspaces.create('Team');
    const endpoint = {
      ...createEndpoint({ name: 'e', url: 'http://x/{{token}}' }),
      headers: [createHeader('X-Api-Key', 'sk-abc-123')],
    };
    await core.workspaces.save({
      ...ws,
      endpoints: [endpoint],
      variables: [{ name: 'token', value: 'tok-999', secret: true }],
    });

    const shared = await core.workspaces.exportText(ws.id, false);
    expect(shared.fileName).toBe('Team.eventscope.json');
    expect(shared.text).not.toContain('sk-abc-123');
    expect(shared.text).not.toContain('tok-999');
    const full = await core.workspaces.exportText(ws.id, true);
    expect(full.text).toContain('sk-abc-123');

    const imported = await core.workspaces.importText(shared.text);
    expect(imported.workspace.id).not.toBe(ws.id);
    expect(imported.workspace.name).toBe('Team (imported)');
    expect(imported.warnings.join(' ')).toMatch(/copy/);
    expect(imported.workspace.variables[0]).toMatchObject({
      name: 'token',
      value: '',
      reenter: 'not-saved',
    });
    expect(
      core.workspaces
        .list()
        .map((w) => w.name)
        .sort(),
    ).toEqual(['Team', 'Team (imported)']);
    // The page names the copy in its language.
    const inChinese = await core.workspaces.importText(shared.text, undefined, {
      copySuffix: '（导入）',
    });
    expect(inChinese.workspace.name).toBe('Team （导入）');
  });

  it('refuses files it does not understand, saying what it expected', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    await expect(core.workspaces.importText('{"hello": 1}')).rejects.toThrow(
      /neither an Eventscope workspace export, a Postman v2.1 collection nor a Postman environment/,
    );
    await expect(core.workspaces.importText('')).rejects.toThrow(/empty/);
    const newer = exportWorkspace(await core.workspaces.create('N'), false).replace(
      '"schemaVersion": 1',
      '"schemaVersion": 99',
    );
    await expect(core.workspaces.importText(newer)).rejects.toThrow(/newer Eventscope/);
  });
});

describe('duplicating a workspace', () => {
  it('names the copy as the page asks, in its language, and "NAME copy" otherwise', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    const original = await core.workspaces.create('接口');
    expect((await core.workspaces.duplicate(original.id, '接口 副本')).name).toBe('接口 副本');
    expect((await core.workspaces.duplicate(original.id)).name).toBe('接口 copy');
  });
});

describe('import refusals and notes the page words in its own language', () => {
  it('refuses a broken curl paste with a reason and the place the quote was left open', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    const refusal = await core.workspaces.importText("curl 'https://h/events").catch((e) => e);
    expect(refusal).toBeInstanceOf(CommandError);
    expect(refusal.detail).toEqual({
      reason: 'import-unterminated',
      params: { shell: 'bash', symbol: "'", line: 1, column: 6 },
    });
  });

  it('says where a JSON file breaks instead of calling it unrecognised', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    const refusal = await core.workspaces.importText('{\n  "info": {,\n}').catch((e) => e);
    expect(refusal.detail).toEqual({
      reason: 'import-json-invalid',
      params: { line: 2, column: 12 },
    });
  });

  it('gives every note of an import a code and params besides its English', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    const outcome = await core.workspaces.importText(
      'curl --frobnicate -k http://127.0.0.1:9/events',
      undefined,
      { name: '从 curl 导入' },
    );
    expect(outcome.workspace.name).toBe('从 curl 导入');
    expect(outcome.notes.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'curl-option-unknown', params: { option: '--frobnicate' } },
      { code: 'curl-insecure', params: {} },
    ]);
    expect(outcome.warnings).toEqual(outcome.notes.map((note) => note.message));
  });
});

describe('importing requests from other tools', () => {
  it('adds a browser-copied curl command to the chosen workspace, its token sealed as a secret', async () => {
    const { core, dir } = await open({ skipFirstLaunch: true });
    const ws = await core.workspaces.create('APIs');
    const curl = `curl 'https://api.example.com/v1/chat' \\\n  -H 'authorization: Bearer sk-curl-secret' \\\n  -H 'content-type: application/json' \\\n  --data-raw $'{"stream":true}'`;
    const { workspace, warnings } = await core.workspaces.importText(curl, ws.id);
    expect(workspace.id).toBe(ws.id);
    expect(workspace.endpoints).toHaveLength(1);
    expect(workspace.endpoints[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.example.com/v1/chat',
    });
    expect(
      workspace.endpoints[0]!.headers.find((h) => h.name.toLowerCase() === 'authorization'),
    ).toMatchObject({
      secret: true,
    });
    expect(Array.isArray(warnings)).toBe(true);
    await core.store.flush();
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = readdirSync(join(dir, 'workspaces'), {
      recursive: true,
      withFileTypes: true,
    }).filter((f) => f.isFile());
    for (const file of files)
      expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(
        'sk-curl-secret',
      );
  });

  it('turns a Postman collection into a new workspace named after it', async () => {
    const { core } = await open({ skipFirstLaunch: true });
    const collection = {
      info: {
        name: 'Streaming API',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      variable: [{ key: 'base', value: 'https://api.example.com' }],
      item: [{ name: 'Events', request: { method: 'GET', url: { raw: '{{base}}/events' } } }],
    };
    const { workspace } = await core.workspaces.importText(JSON.stringify(collection));
    expect(workspace.name).toBe('Streaming API');
    expect(workspace.endpoints.map((e) => [e.name, e.url])).toEqual([
      ['Events', '{{base}}/events'],
    ]);
    expect(workspace.variables.map((v) => v.name)).toEqual(['base']);
  });
});

describe('secrets without OS protection', () => {
  it('keeps them for the session only until the user agrees to store them unprotected', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const unprotected = createTestCipher({ protection: 'none' });
    const openCore = () =>
      openAppCore({
        face: 'web',
        dataDir: data.dir,
        cipher: unprotected,
        saveDebounceMs: 1,
        skipFirstLaunch: true,
      });
    const first = await openCore();
    const policy = first.handlers['secrets:get-policy'](undefined, recordingSink().sink);
    expect(policy).toEqual({ protection: 'none', storeUnprotected: false });
    const ws = await first.workspaces.create('Keys');
    await first.workspaces.save({
      ...ws,
      variables: [{ name: 'token', value: 'tok-session-only', secret: true }],
    });
    await first.dispose();

    const second = await openCore();
    const reopened = (await second.workspaces.get(ws.id)).workspace;
    expect(reopened.variables[0]).toMatchObject({ value: '', reenter: 'not-saved' });
    await second.workspaces.save({
      ...reopened,
      variables: [{ name: 'token', value: 'tok-kept', secret: true }],
    });
    expect(
      await second.handlers['secrets:set-policy']({ storeUnprotected: true }, recordingSink().sink),
    ).toEqual({
      protection: 'none',
      storeUnprotected: true,
    });
    await second.dispose();

    core = await openCore();
    expect((await core.workspaces.get(ws.id)).workspace.variables[0]).toMatchObject({
      value: 'tok-kept',
    });
  });
});
