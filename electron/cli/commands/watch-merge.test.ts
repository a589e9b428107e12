import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../core/demo';
import { DEMO_REPLY, DEMO_TOOL } from '../../core/demo/llm/script';
import { jsonLines, runCli } from '../../../tests/support/cli/cli-test-process';

let demo: DemoServer;
beforeAll(async () => {
  demo = await createDemoServer({ chatTokenMs: 2 });
});
afterAll(async () => {
  await demo.close();
});

const ROUTES = [
  { path: '/openai/chat', profile: 'openai-chat', failed: 'truncated' },
  { path: '/openai/responses', profile: 'openai-responses', failed: 'errored' },
  { path: '/anthropic/messages', profile: 'anthropic', failed: 'errored' },
  { path: '/gemini', profile: 'gemini', failed: 'truncated' },
] as const;

describe('eventscope watch --merge', () => {
  it('prints the merged answer live, the tool call once complete, then status and timings', async () => {
    const result = await runCli([
      'watch',
      `${demo.url}/anthropic/messages`,
      '-d',
      '{"messages":[]}',
      '--merge',
      '--format',
      'pretty',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(DEMO_REPLY);
    expect(result.stdout).toContain('The user wants SSE explained.');
    expect(result.stdout).toContain(
      `tool call ${DEMO_TOOL.name} toolu_demo_weather\n{\n  "city": "Paris",\n  "unit": "celsius"\n}`,
    );
    expect(result.stdout).toMatch(/run completed \(anthropic, stop: tool_use\)/);
    expect(result.stdout).toMatch(/first byte \d+ ms, first token \d+ ms, total \d+ ms/);
    expect(result.stdout).toContain('usage: inputTokens 24, outputTokens 42, totalTokens 66');
    // The raw events are not printed in the merged view.
    expect(result.stdout).not.toContain('content_block_delta');
  });

  for (const route of ROUTES) {
    it(`ends the jsonl with one merged record for ${route.path}: completed, exit 0`, async () => {
      const result = await runCli(['watch', `${demo.url}${route.path}`, '-d', '{}', '--merge']);
      expect(result.code).toBe(0);
      const records = jsonLines(result.stdout);
      expect(records.slice(0, -1).every((r) => r.kind === 'event')).toBe(true);
      const merged = records.at(-1);
      expect(merged).toMatchObject({
        kind: 'merged',
        profile: route.profile,
        status: 'completed',
        messages: [
          {
            index: 0,
            text: DEMO_REPLY,
            toolCalls: [{ name: DEMO_TOOL.name, arguments: expect.any(String) }],
          },
        ],
        error: null,
      });
      const message = (
        merged?.messages as Array<{ reasoning: string; toolCalls: Array<{ arguments: string }> }>
      )[0]!;
      expect(JSON.parse(message.toolCalls[0]!.arguments)).toEqual({
        city: 'Paris',
        unit: 'celsius',
      });
      expect(message.reasoning).toContain('check the weather tool');
      expect(merged?.usage).toMatchObject({ inputTokens: 24, outputTokens: 42 });
      const timing = merged?.timing as Record<string, number | null>;
      expect(Object.keys(timing)).toEqual(['ttfbMs', 'ttftMs', 'durationMs', 'tokensPerSecond']);
      expect(timing.ttftMs).toBeGreaterThanOrEqual(timing.ttfbMs ?? 0);
      expect(timing.durationMs).toBeGreaterThanOrEqual(timing.ttftMs ?? 0);
    });

    it(`exits 1 with status ${route.failed} when ${route.path}?fail=midway breaks off`, async () => {
      const result = await runCli([
        'watch',
        `${demo.url}${route.path}?fail=midway`,
        '-d',
        '{}',
        '--merge',
        '--format',
        'jsonl',
      ]);
      expect(result.code).toBe(1);
      const merged = jsonLines(result.stdout).at(-1);
      expect(merged).toMatchObject({ kind: 'merged', status: route.failed });
      const text = (merged?.messages as Array<{ text: string }>)[0]?.text ?? '';
      expect(text.length).toBeGreaterThan(0);
      expect(DEMO_REPLY.startsWith(text)).toBe(true);
      if (route.failed === 'errored') expect(merged?.error).toMatch(/fail=midway/);
    });
  }

  it('stops at the terminator without --merge too, although a GET reconnects after an end', async () => {
    const result = await runCli([
      'watch',
      `${demo.url}/openai/chat`,
      '--timeout',
      '15000',
      '--retry-initial',
      '10',
      '--summary',
    ]);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ kind: 'event', data: '[DONE]' });
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
      reconnects: 0,
      stoppedBy: 'end-of-stream',
    });
  });

  it('refuses --profile without --merge and an unknown profile (usage error)', async () => {
    const without = await runCli(['watch', `${demo.url}/gemini`, '--profile', 'gemini']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/go with --merge/);
    const unknown = await runCli(['watch', `${demo.url}/gemini`, '--merge', '--profile', 'llama']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--profile must be one of/);
  });
});
