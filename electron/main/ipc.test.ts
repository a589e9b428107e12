import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { COMMAND_CHANNELS } from '../../shared/api/channels';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppCore } from '../core/app-core';
import type { FeedSink } from '../core/feeds/feed-manager';
import { appLocation } from './app-url';
import { createSenderCheck, registerCommandHandlers } from './ipc';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

const app = appLocation('/opt/eventscope/out/renderer/index.html', undefined);
const ownContents = { id: 1 } as unknown as WebContents;
const strangerContents = { id: 2 } as unknown as WebContents;

function event(options: {
  url?: string;
  sender?: WebContents;
  subFrame?: boolean;
  noFrame?: boolean;
}): IpcMainInvokeEvent {
  const frame = options.noFrame
    ? null
    : { url: options.url ?? app.url, parent: options.subFrame ? {} : null };
  return {
    sender: options.sender ?? ownContents,
    senderFrame: frame,
  } as unknown as IpcMainInvokeEvent;
}

const sink: FeedSink = {
  id: 'window-1',
  sendFrame: () => {},
  notify: () => {},
  canSend: () => true,
};

async function registered() {
  const handlers = new Map<string, Handler>();
  const core = await openAppCore({
    face: 'electron',
    dataDir: mkdtempSync(join(tmpdir(), 'eventscope-ipc-')),
    skipFirstLaunch: true,
  });
  registerCommandHandlers(
    { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) } as never,
    createSenderCheck(app, (contents) => contents === ownContents),
    core.handlers,
    () => sink,
  );
  return handlers;
}

describe('IPC command registration', () => {
  it('registers a handler for every command channel of the contract', async () => {
    expect([...(await registered()).keys()].sort()).toEqual([...COMMAND_CHANNELS].sort());
  });

  it('answers a valid request from our main frame with an ok Result', async () => {
    const ping = (await registered()).get('app:ping')!;
    expect(await ping(event({}), { message: 'hi' })).toEqual({
      ok: true,
      value: { message: 'hi', receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
  });

  it('refuses a sub-frame, a foreign page, another webContents and a destroyed frame', async () => {
    const info = (await registered()).get('app:info')!;
    const refusals = [
      event({ subFrame: true }),
      event({ url: 'https://evil.example/' }),
      event({ url: 'file:///tmp/other.html' }),
      event({ sender: strangerContents }),
      event({ noFrame: true }),
    ];
    for (const bad of refusals) {
      expect(await info(bad, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses an invalid payload with a message naming the field, without calling the handler', async () => {
    const ping = (await registered()).get('app:ping')!;
    const result = (await ping(event({}), { message: 42 })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(/app:ping.*message/);
  });

  it('refuses unexpected extra fields and a payload for a command that takes none', async () => {
    const handlers = await registered();
    expect(await handlers.get('app:ping')!(event({}), { message: 'x', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await handlers.get('app:info')!(event({}), { path: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
