import { describe, expect, it } from 'vitest';
import { createDemoServer } from '../../core/demo';
import { runCli, startCli } from '../../../tests/support/cli/cli-test-process';

describe('eventscope demo-server', () => {
  it('lists its routes, serves them, and stops cleanly on Ctrl-C', async () => {
    const cli = startCli(['demo-server', '--port', '0']);
    await cli.waitForStdout((out) => out.includes('Press Ctrl-C'));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.stdout)?.[1];
    expect(url).toBeDefined();
    for (const route of ['/stream', '/counter', '/chat', '/flaky', '/burst']) {
      expect(cli.stdout).toContain(`${url}${route}`);
    }
    const response = await fetch(`${url}/counter?limit=1`);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await response.text()).toContain('id: 1\ndata: 1\n\n');
    cli.child.kill('SIGINT');
    const result = await cli.exited;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Demo server stopped.');
  });

  it('exits 1 with a hint when the port is taken', async () => {
    const taken = await createDemoServer();
    try {
      const result = await runCli(['demo-server', '--port', String(taken.port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('EADDRINUSE');
      expect(result.stderr).toContain('--port 0');
    } finally {
      await taken.close();
    }
  });

  it('exits 2 on a port that is not a number', async () => {
    const result = await runCli(['demo-server', '--port', 'http']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'-p, --port <port>' argument 'http' is invalid");
  });
});
