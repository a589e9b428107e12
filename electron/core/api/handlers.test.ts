import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandSchemas } from '../../../shared/api/commands';
import type { AppCore } from '../app-core';
import { openAppCore } from '../app-core';
import type { FeedSink } from '../feeds/feed-manager';

const sink = (id: string): FeedSink => ({
  id,
  sendFrame: () => {},
  notify: () => {},
  canSend: () => true,
});

let cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.map((core) => core.dispose()));
  cores = [];
});

async function coreWithFeed(revealInFolder?: (path: string) => void) {
  const core = await openAppCore({
    face: 'web',
    dataDir: mkdtempSync(join(tmpdir(), 'eventscope-reveal-')),
    skipFirstLaunch: true,
    revealInFolder,
  });
  cores.push(core);
  const page = sink('page');
  const { url } = await core.handlers['demo:start'](undefined, page);
  const request = commandSchemas['feeds:open'].parse({ name: 'clock', url: `${url}/stream` });
  const feed = await core.handlers['feeds:open'](request, page);
  return { core, page, feed };
}

describe('feeds:reveal-log', () => {
  it('shows the session log of a feed the caller owns in the file manager', async () => {
    const revealed: string[] = [];
    const { core, page, feed } = await coreWithFeed((path) => void revealed.push(path));
    const result = await core.handlers['feeds:reveal-log']({ feedId: feed.feedId }, page);
    expect(result).toEqual({ revealed: true, path: feed.logFile });
    expect(revealed).toEqual([feed.logFile]);
  });

  it('gives the path to show instead where there is no file manager (web mode)', async () => {
    const { core, page, feed } = await coreWithFeed();
    const result = await core.handlers['feeds:reveal-log']({ feedId: feed.feedId }, page);
    expect(result).toEqual({ revealed: false, path: feed.logFile });
  });

  it("reveals nothing of another page's feed", async () => {
    const revealed: string[] = [];
    const { core, feed } = await coreWithFeed((path) => void revealed.push(path));
    const result = await core.handlers['feeds:reveal-log']({ feedId: feed.feedId }, sink('other'));
    expect(result).toEqual({ revealed: false, path: null });
    expect(revealed).toEqual([]);
  });
});
