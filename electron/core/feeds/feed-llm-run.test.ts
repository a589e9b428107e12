import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLogRecords } from '../../../tests/support/sessions/read-log';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../../shared/api/feeds';
import { defaultRetryPolicy } from '../../../shared/model/retry-policy';
import { createDemoServer, type DemoServer } from '../demo/server';
import { createFeedManager, type FeedManager, type FeedSink } from './feed-manager';
import { openStream, useTestServers } from '../../../tests/support/sse/test-server';
import { createLlmRun } from '../../../shared/llm/run';

let demo: DemoServer | null = null;
let manager: FeedManager | null = null;
afterEach(async () => {
  await manager?.dispose();
  await demo?.close();
  manager = demo = null;
});

function sink(): FeedSink & { states: FeedSummary[] } {
  const states: FeedSummary[] = [];
  return {
    id: 'page',
    states,
    sendFrame: () => undefined,
    notify: (channel, payload) => {
      if (channel === 'feeds:state-changed') states.push(payload as FeedSummary);
    },
    canSend: () => true,
  };
}

async function runToEnd(path: string, reconnectOnEnd: boolean, llm?: { setting: 'none' }) {
  demo = await createDemoServer({ chatTokenMs: 2 });
  manager = createFeedManager({ logsDir: join(mkdtempSync(join(tmpdir(), 'es-llm-')), 'logs') });
  const page = sink();
  const summary = await manager.open(page, {
    name: 'llm',
    request: { url: `${demo.url}${path}`, method: 'POST', headers: [], body: '{}' },
    retry: { ...defaultRetryPolicy('POST'), initialDelayMs: 20, reconnectOnEnd },
    ...(llm ? { llm } : {}),
  });
  const deadline = Date.now() + 10_000;
  while (!page.states.some((s) => s.state.type === 'closed' || s.state.type === 'failed')) {
    if (Date.now() > deadline) throw new Error('the feed did not end');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await manager.close(page, summary.feedId);
  const log = readLogRecords(summary.logFile!);
  return { page, log };
}

describe('a feed’s LLM run', () => {
  it('ends the feed at the terminator and logs the run status and timings in the session log', async () => {
    const { page, log } = await runToEnd('/anthropic/messages', true);
    const final = page.states.at(-1)?.state;
    expect(final).toMatchObject({ type: 'closed', reason: 'end-of-stream' });
    expect(final?.type === 'closed' && final.message).toMatch(/terminator/);
    // Not reconnected, although this policy reconnects after an end.
    expect(page.states.filter((s) => s.state.type === 'connecting')).toHaveLength(1);
    const run = log.find((r) => r.kind === 'llm-run');
    expect(run).toMatchObject({
      profile: 'anthropic',
      detectedBy: 'url',
      status: 'completed',
      stopReason: 'tool_use',
      usage: { inputTokens: 24, outputTokens: 42 },
      error: null,
    });
    const timing = run?.timing as Record<string, unknown>;
    expect(timing.ttfbMs).toEqual(expect.any(Number));
    expect(timing.ttftMs).toEqual(expect.any(Number));
    expect(timing.durationMs).toEqual(expect.any(Number));
    expect(timing.rateUnit).toBe('tokens');
  });

  it('logs an errored run with the provider’s message', async () => {
    const { log } = await runToEnd('/openai/responses?fail=midway', false);
    expect(log.find((r) => r.kind === 'llm-run')).toMatchObject({
      status: 'errored',
      error: expect.stringMatching(/fail=midway/),
    });
  });

  it('logs no run when the endpoint turned the lens off', async () => {
    const { log } = await runToEnd('/gemini', false, { setting: 'none' });
    expect(log.some((r) => r.kind === 'llm-run')).toBe(false);
  });
});

describe('a feed’s LLM run over the wire', () => {
  const server = useTestServers();

  it('merges text whose multi-byte characters were split between two reads', async () => {
    const delta = (text: string) =>
      `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })}\n\n`;
    const wire = Buffer.from(
      `event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":3}}}\n\n` +
        delta('日本語 ') +
        delta('🎉 done') +
        'event: message_stop\ndata: {"type":"message_stop"}\n\n',
      'utf8',
    );
    // Cut inside 本 (3 bytes) and inside 🎉 (4 bytes): each read ends mid-character.
    const cuts = [wire.indexOf(Buffer.from('本')) + 1, wire.indexOf(Buffer.from('🎉')) + 2];
    const s = await server({
      '/v1/messages': async (_req, res) => {
        openStream(res);
        let from = 0;
        for (const cut of [...cuts, wire.length]) {
          res.write(wire.subarray(from, cut));
          from = cut;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        res.end();
      },
    });
    manager = createFeedManager({ logsDir: join(mkdtempSync(join(tmpdir(), 'es-llm-')), 'logs') });
    const page = sink();
    const summary = await manager.open(page, {
      name: 'split',
      request: { url: s.url('/v1/messages'), method: 'POST', headers: [], body: '{}' },
    });
    const deadline = Date.now() + 10_000;
    while (!page.states.some((x) => x.state.type === 'closed' || x.state.type === 'failed')) {
      if (Date.now() > deadline) throw new Error('the feed did not end');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await manager.close(page, summary.feedId);
    const log = readFileSync(summary.logFile!, 'utf8').trim().split('\n');
    const run = JSON.parse(log.find((line) => line.includes('"llm-run"')) ?? '{}') as Record<
      string,
      unknown
    >;
    expect(run).toMatchObject({ profile: 'anthropic', status: 'completed' });
    // The merged text, from the events as the session log keeps them.
    const replay = createLlmRun({ setting: 'auto', url: s.url('/v1/messages') });
    for (const record of readLogRecords(summary.logFile!)) {
      const entry = record as { kind: string; type?: string; data?: string; at?: number };
      if (entry.kind === 'event') {
        replay.pushEvent({ type: entry.type!, data: entry.data!, receivedAt: entry.at! });
      }
    }
    expect(replay.snapshot().merge.messages[0]?.text).toBe('日本語 🎉 done');
  });
});
