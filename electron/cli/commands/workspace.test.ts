import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEndpoint, createHeader } from '../../../shared/model/workspace';
import { openAppCore } from '../../core/app-core';
import { tempDataDir } from '../../../tests/support/store/test-store';
import { exportWorkspace } from '../../core/workspaces/export-format';
import { jsonLines, runCli } from '../../../tests/support/cli/cli-test-process';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A data directory as the app leaves it after its first launch (Demo workspace inside). */
async function appDataDir(): Promise<string> {
  const data = tempDataDir();
  cleanups.push(data.cleanup);
  const core = await openAppCore({ face: 'web', dataDir: data.dir, saveDebounceMs: 1 });
  await core.dispose();
  return data.dir;
}

describe('eventscope workspace', () => {
  it('lists the saved workspaces of a data directory', async () => {
    const dir = await appDataDir();
    const result = await runCli(['workspace', 'list', '--json'], {
      env: { EVENTSCOPE_DATA_DIR: dir },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ name: 'Demo', endpoints: 10 }),
    ]);
  });

  it('shows an exported workspace file with its secrets masked', async () => {
    const dir = await appDataDir();
    const endpoint = {
      ...createEndpoint({ name: 'Prod stream', url: 'https://api.example.com/stream' }),
      headers: [
        createHeader('Authorization', 'Bearer sk-cli-secret'),
        createHeader('X-Team', 'core'),
      ],
    };
    const now = new Date().toISOString();
    const file = join(dir, 'team.eventscope.json');
    const workspace = {
      id: 'team',
      name: 'Team',
      endpoints: [endpoint],
      variables: [],
      environments: [],
      activeEnvironmentId: null,
      createdAt: now,
      updatedAt: now,
    };
    writeFileSync(file, exportWorkspace(workspace, true));
    const result = await runCli(['workspace', 'show', file], { env: { EVENTSCOPE_DATA_DIR: dir } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('GET https://api.example.com/stream');
    expect(result.stdout).toContain('X-Team: core');
    expect(result.stdout).not.toContain('sk-cli-secret');
  });

  it('says which workspaces exist when the name is wrong, with exit code 2', async () => {
    const dir = await appDataDir();
    const result = await runCli(['workspace', 'show', 'Nope'], {
      env: { EVENTSCOPE_DATA_DIR: dir },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no workspace .*"Nope".*"Demo"/);
  });
});

describe('eventscope watch --workspace', () => {
  it('runs a saved endpoint, starting the built-in demo server it uses', async () => {
    const dir = await appDataDir();
    const result = await runCli(
      [
        'watch',
        '--workspace',
        'Demo',
        '--endpoint',
        'Counter',
        '--max-events',
        '2',
        '--format',
        'jsonl',
      ],
      {
        env: { EVENTSCOPE_DATA_DIR: dir },
      },
    );
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).map((r) => r.data)).toEqual(['1', '2']);
  });

  it('sends the saved POST body with its variables resolved', async () => {
    const dir = await appDataDir();
    const result = await runCli(
      ['watch', '--workspace', 'Demo', '--endpoint', 'chat completion (post)', '--format', 'jsonl'],
      {
        env: { EVENTSCOPE_DATA_DIR: dir },
      },
    );
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).at(-1)?.data).toBe('[DONE]');
  });

  it('refuses a URL together with --workspace, and an unknown endpoint, as usage errors', async () => {
    const dir = await appDataDir();
    const both = await runCli(
      ['watch', 'http://127.0.0.1:1/x', '--workspace', 'Demo', '--endpoint', 'Counter'],
      {
        env: { EVENTSCOPE_DATA_DIR: dir },
      },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either a URL or --workspace/);
    const unknown = await runCli(['watch', '--workspace', 'Demo', '--endpoint', 'Nope'], {
      env: { EVENTSCOPE_DATA_DIR: dir },
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no endpoint "Nope".*"Counter"/);
  });
});
