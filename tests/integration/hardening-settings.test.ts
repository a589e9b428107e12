import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedSink } from '../../electron/core/feeds/feed-manager';
import { openAppCore, type AppCore } from '../../electron/core/app-core';

// A damaged settings.json in the data directory: set aside, and the user told which settings
// were reset — never a silently revoked consent to store secrets.

let dataDir: string;
let core: AppCore | null = null;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'eventscope-settings-'));
});
afterEach(async () => {
  await core?.dispose();
  core = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the app's core on `dataDir` and returns what a page that connects is told. */
async function start(): Promise<{ notices: string[]; storeUnprotected: boolean }> {
  core = await openAppCore({ face: 'web', dataDir, skipFirstLaunch: true });
  const notices: string[] = [];
  const page: FeedSink = {
    id: 'page',
    sendFrame: () => undefined,
    canSend: () => true,
    notify: (channel, payload) => {
      if (channel === 'app:notice-posted') notices.push((payload as { message: string }).message);
    },
  };
  core.attach(page);
  // Start-up notices are pulled by the page once it listens (app:take-notices).
  const taken = await core.handlers['app:take-notices'](undefined, page);
  notices.push(...taken.map((notice) => notice.message));
  const policy = await core.handlers['secrets:get-policy'](undefined, page);
  return { notices, storeUnprotected: policy.storeUnprotected };
}

const settingsFile = () => join(dataDir, 'settings.json');
const setAside = () => readdirSync(dataDir).filter((n) => n.startsWith('settings.corrupt-'));

describe('a damaged settings.json', () => {
  for (const [what, text] of [
    ['truncated JSON', '{"storeUnprotectedSecrets": tru'],
    ['a setting of the wrong type', '{"storeUnprotectedSecrets": "yes"}'],
    ['not an object', '[true]'],
    ['an empty file', ''],
  ] as const) {
    it(`(${what}) is set aside and the notice names the settings that were reset`, async () => {
      writeFileSync(settingsFile(), text);
      const { notices, storeUnprotected } = await start();
      expect(storeUnprotected).toBe(false);
      expect(notices).toContainEqual(
        expect.stringMatching(
          /The settings file was damaged .*moved to .*settings\.corrupt-.*reset to their defaults: storing secrets without OS protection/,
        ),
      );
      const [aside] = setAside();
      expect(readFileSync(join(dataDir, aside ?? ''), 'utf8')).toBe(text);
    });
  }

  it('keeps the valid settings and says nothing when the file is fine or missing', async () => {
    writeFileSync(settingsFile(), '{"storeUnprotectedSecrets": true}');
    const kept = await start();
    expect(kept).toEqual({ notices: [], storeUnprotected: true });
    await core?.dispose();
    core = null;
    rmSync(settingsFile());
    expect(await start()).toEqual({ notices: [], storeUnprotected: false });
    expect(setAside()).toEqual([]);
  });
});
