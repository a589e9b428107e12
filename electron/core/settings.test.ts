import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRetryPolicy } from '../../shared/model/retry-policy';
import { DEFAULT_MAX_LOG_BYTES } from './feeds/log-retention';
import { openSettings, userSettings } from './settings';
import { tempDataDir } from '../../tests/support/store/test-store';

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => (data = tempDataDir()));
afterEach(() => data.cleanup());

describe('settings.json', () => {
  it('gives defaults when there is no file: follow the system, 1 GiB of logs, GET retry', async () => {
    const settings = await openSettings(data.dir);
    expect(userSettings(settings.get())).toEqual({
      theme: 'system',
      language: 'system',
      logRetentionBytes: DEFAULT_MAX_LOG_BYTES,
      defaultRetry: defaultRetryPolicy('GET'),
      quickOpenHistory: [],
    });
  });

  it('keeps the other choices when one value in the file is invalid', async () => {
    writeFileSync(
      join(data.dir, 'settings.json'),
      JSON.stringify({ storeUnprotectedSecrets: true, theme: 'sepia', language: 'zh-CN' }),
    );
    const settings = (await openSettings(data.dir)).get();
    expect(settings).toMatchObject({
      storeUnprotectedSecrets: true,
      theme: 'system',
      language: 'zh-CN',
    });
  });

  it('writes a change to disk and reads it back on the next start', async () => {
    const first = await openSettings(data.dir);
    await first.update({ theme: 'light' });
    expect(JSON.parse(readFileSync(join(data.dir, 'settings.json'), 'utf8'))).toMatchObject({
      theme: 'light',
    });
    expect((await openSettings(data.dir)).get().theme).toBe('light');
  });
});
