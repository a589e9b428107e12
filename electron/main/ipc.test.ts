import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { COMMAND_CHANNELS } from '../../shared/api/channels';
import { createCommandHandlers } from '../core/api/handlers';
import { describeApp } from '../core/app-info';
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

function registered() {
  const handlers = new Map<string, Handler>();
  registerCommandHandlers(
    { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) } as never,
    createSenderCheck(app, (contents) => contents === ownContents),
    createCommandHandlers({ appInfo: () => describeApp('electron', '/data'), now: () => 0 }),
  );
  return handlers;
}

describe('IPC command registration', () => {
  it('registers a handler for every command channel of the contract', () => {
    expect([...registered().keys()].sort()).toEqual([...COMMAND_CHANNELS].sort());
  });

  it('answers a valid request from our main frame with an ok Result', async () => {
    const ping = registered().get('app:ping')!;
    expect(await ping(event({}), { message: 'hi' })).toEqual({
      ok: true,
      value: { message: 'hi', receivedAt: '1970-01-01T00:00:00.000Z' },
    });
  });

  it('refuses a sub-frame, a foreign page, another webContents and a destroyed frame', async () => {
    const info = registered().get('app:info')!;
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
    const ping = registered().get('app:ping')!;
    const result = (await ping(event({}), { message: 42 })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(/app:ping.*message/);
  });

  it('refuses unexpected extra fields and a payload for a command that takes none', async () => {
    const handlers = registered();
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
