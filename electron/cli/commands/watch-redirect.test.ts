import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/support/sse/test-server';
import {
  redirectRoute,
  startTestServer,
  streamRoute,
} from '../../../tests/support/sse/test-server';
import { jsonLines, runCli } from '../../../tests/support/cli/cli-test-process';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('eventscope watch and redirects', () => {
  it('says on stderr when a redirect turned the POST into a GET, and records it with --include-status', async () => {
    server = await startTestServer({
      '/start': redirectRoute(303, '/stream'),
      '/stream': streamRoute('data: after the redirect\n\n'),
    });
    const result = await runCli([
      'watch',
      server.url('/start'),
      '-d',
      '{"prompt":"x"}',
      '--format',
      'jsonl',
      '--include-status',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/HTTP 303 redirect to .*\/stream turned POST into GET/);
    const records = jsonLines(result.stdout);
    expect(records.find((r) => r.kind === 'redirect')).toMatchObject({
      status: 303,
      method: 'GET',
      methodChanged: true,
    });
    expect(records.find((r) => r.kind === 'event')).toMatchObject({ data: 'after the redirect' });
  });
});
