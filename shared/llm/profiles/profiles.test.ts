import { describe, expect, it } from 'vitest';
import {
  anthropicStream,
  geminiStream,
  openAiChatStream,
  openAiResponsesStream,
  splitSurrogates,
} from '../../../tests/support/llm/provider-streams';
import type { ConnectionState } from '../../model/connection-state';
import { createLlmRun, type LlmRunSnapshot } from '../run';
import type { LlmEvent, LlmProfileSetting } from '../types';

/** Multi-byte text: 2-, 3- and 4-byte UTF-8 characters, the emoji cut between its surrogates. */
const TEXT = 'Grüße — 日本語 🎉!';
const PIECES = ['Grü', 'ße — ', '日本', '語 ', ...splitSurrogates('🎉'), '!'];
const ARGS = ['{"q": "ca', 'fé", "n"', ': 2}'];

function run(
  setting: LlmProfileSetting,
  events: LlmEvent[],
  end: 'closed' | 'failed' | null = 'closed',
): LlmRunSnapshot {
  const r = createLlmRun({ setting });
  r.pushState({ type: 'connecting', at: 900, attempt: 1, url: 'http://x/' });
  r.pushState({ type: 'open', at: 950, attempt: 1, url: 'http://x/', status: 200, headers: [] });
  for (const e of events) r.pushEvent(e);
  const at = (events.at(-1)?.receivedAt ?? 1000) + 5;
  const final: ConnectionState | null =
    end === 'closed'
      ? { type: 'closed', at, attempt: 1, reason: 'end-of-stream', message: 'ended' }
      : end === 'failed'
        ? {
            type: 'failed',
            at,
            attempt: 1,
            error: { code: 'network', message: 'connection lost while reading the stream' },
          }
        : null;
  if (final) r.pushState(final);
  return r.snapshot();
}

describe('OpenAI Chat Completions profile', () => {
  it('joins content deltas split inside multi-byte characters, reasoning apart, and completes on [DONE]', () => {
    const s = run(
      'openai-chat',
      openAiChatStream({ pieces: PIECES, reasoning: ['Think', 'ing…'] }),
    );
    expect(s.merge.messages).toHaveLength(1);
    expect(s.merge.messages[0]).toMatchObject({ index: 0, text: TEXT, reasoning: 'Thinking…' });
    expect(s.status).toBe('completed');
    expect(s.merge.stopReason).toBe('stop');
    expect(s.merge.usage).toEqual({ inputTokens: 5, outputTokens: 9, totalTokens: 14 });
  });

  it('reassembles tool-call arguments by index and marks them complete at the finish reason', () => {
    const s = run(
      'openai-chat',
      openAiChatStream({ pieces: ['Let me look.'], argumentPieces: ARGS }),
    );
    expect(s.merge.messages[0]?.toolCalls).toEqual([
      { id: 'call_1', name: 'lookup', arguments: '{"q": "café", "n": 2}', complete: true },
    ]);
    expect(s.merge.stopReason).toBe('tool_calls');
  });

  it('keeps choices apart by their index', () => {
    const events: LlmEvent[] = [0, 1, 0, 1].map((index, i) => ({
      type: 'message',
      data: JSON.stringify({ choices: [{ index, delta: { content: `${index}:${i} ` } }] }),
      receivedAt: 1000 + i,
    }));
    const s = run('openai-chat', events, null);
    expect(s.merge.messages.map((m) => m.text)).toEqual(['0:0 0:2 ', '1:1 1:3 ']);
    expect(s.status).toBe('streaming');
  });

  it('calls a stream that ends without [DONE] truncated, and an error payload errored', () => {
    expect(run('openai-chat', openAiChatStream({ pieces: PIECES, truncate: true })).status).toBe(
      'truncated',
    );
    const errored = run('openai-chat', openAiChatStream({ pieces: PIECES, error: true }));
    expect(errored.status).toBe('errored');
    expect(errored.error).toBe('server_error: The server had an error');
  });
});

describe('OpenAI Responses profile', () => {
  it('merges output text and reasoning deltas and completes on response.completed', () => {
    const s = run(
      'openai-responses',
      openAiResponsesStream({
        pieces: PIECES,
        reasoning: ['Plan ', 'first.'],
        argumentPieces: ARGS,
      }),
    );
    expect(s.merge.messages[0]).toMatchObject({ text: TEXT, reasoning: 'Plan first.' });
    expect(s.merge.messages[0]?.toolCalls).toEqual([
      { id: 'call_1', name: 'lookup', arguments: '{"q": "café", "n": 2}', complete: true },
    ]);
    expect(s.status).toBe('completed');
    expect(s.merge.usage).toMatchObject({ inputTokens: 5, outputTokens: 9, totalTokens: 14 });
    expect(s.merge.sequenceGaps).toEqual([]);
  });

  it('flags a gap in sequence_number', () => {
    const s = run('openai-responses', openAiResponsesStream({ pieces: PIECES, skipSequence: 3 }));
    expect(s.merge.sequenceGaps).toEqual([{ expected: 3, got: 4 }]);
  });

  it('reports response.failed as errored with its message, and a missing completion as truncated', () => {
    const failed = run('openai-responses', openAiResponsesStream({ pieces: PIECES, error: true }));
    expect(failed.status).toBe('errored');
    expect(failed.error).toBe('server_error: The model crashed');
    expect(
      run('openai-responses', openAiResponsesStream({ pieces: PIECES, truncate: true })).status,
    ).toBe('truncated');
  });

  it('completes with the reason on response.incomplete', () => {
    const events = openAiResponsesStream({ pieces: ['Hi'] }).slice(0, -1);
    events.push({
      type: 'response.incomplete',
      data: JSON.stringify({
        type: 'response.incomplete',
        sequence_number: 99,
        response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } },
      }),
      receivedAt: 5000,
    });
    const s = run('openai-responses', events);
    expect(s.status).toBe('completed');
    expect(s.merge.stopReason).toBe('incomplete: max_output_tokens');
  });
});

describe('Anthropic Messages profile', () => {
  it('merges text and thinking deltas, tool input JSON, the stop reason and usage', () => {
    const s = run(
      'anthropic',
      anthropicStream({ pieces: PIECES, reasoning: ['Let me ', 'think.'], argumentPieces: ARGS }),
    );
    expect(s.merge.messages[0]).toMatchObject({ text: TEXT, reasoning: 'Let me think.' });
    expect(s.merge.messages[0]?.toolCalls).toEqual([
      { id: 'toolu_1', name: 'lookup', arguments: '{"q": "café", "n": 2}', complete: true },
    ]);
    expect(s.merge.stopReason).toBe('tool_use');
    expect(s.merge.usage).toEqual({ inputTokens: 5, outputTokens: 9, totalTokens: 14 });
    expect(s.status).toBe('completed');
  });

  it('marks a tool call incomplete until its block stops', () => {
    const events = anthropicStream({ pieces: ['x'], argumentPieces: ARGS });
    const cut = events.findIndex((e) => e.data.includes('"content_block_stop","index":1'));
    const s = run('anthropic', events.slice(0, cut), null);
    expect(s.merge.messages[0]?.toolCalls[0]).toMatchObject({ complete: false, name: 'lookup' });
  });

  it('reports an error event as errored with its message, and no message_stop as truncated', () => {
    const errored = run('anthropic', anthropicStream({ pieces: PIECES, error: true }));
    expect(errored.status).toBe('errored');
    expect(errored.error).toBe('overloaded_error: Overloaded');
    expect(errored.merge.messages[0]?.text).toBe(TEXT);
    expect(run('anthropic', anthropicStream({ pieces: PIECES, truncate: true })).status).toBe(
      'truncated',
    );
  });
});

describe('Gemini profile', () => {
  it('merges text and thought parts, a function call, finishReason and usageMetadata', () => {
    const s = run(
      'gemini',
      geminiStream({ pieces: PIECES, reasoning: ['Thought.'], toolArgs: { q: 'café' } }),
    );
    expect(s.merge.messages[0]).toMatchObject({ text: TEXT, reasoning: 'Thought.' });
    expect(s.merge.messages[0]?.toolCalls).toEqual([
      { id: '', name: 'lookup', arguments: '{"q":"café"}', complete: true },
    ]);
    expect(s.merge.stopReason).toBe('STOP');
    expect(s.merge.usage).toEqual({ inputTokens: 5, outputTokens: 9, totalTokens: 14 });
    expect(s.status).toBe('completed');
  });

  it('calls a body that ends without finishReason truncated, and an error payload errored', () => {
    expect(run('gemini', geminiStream({ pieces: PIECES, truncate: true })).status).toBe(
      'truncated',
    );
    const errored = run('gemini', geminiStream({ pieces: PIECES, error: true }));
    expect(errored.status).toBe('errored');
    expect(errored.error).toBe('UNAVAILABLE: The model is overloaded.');
  });
});

describe('custom profile', () => {
  const tokens = (values: string[]): LlmEvent[] =>
    values.map((v, i) => ({
      type: 'message',
      data: v === 'END' ? 'END' : JSON.stringify({ token: v }),
      receivedAt: 1000 + i,
    }));

  it('concatenates the strings at the JSON path and completes on the terminator', () => {
    const r = createLlmRun({ setting: 'custom', custom: { path: '$.token', terminator: 'END' } });
    for (const e of tokens([...PIECES, 'END'])) r.pushEvent(e);
    const s = r.snapshot();
    expect(s.merge.messages[0]?.text).toBe(TEXT);
    expect(s.status).toBe('completed');
    expect(r.terminated).toBe(true);
  });

  it('reads bracket and wildcard paths', () => {
    const r = createLlmRun({ setting: 'custom', custom: { path: "$['out'][*].t" } });
    r.pushEvent({
      type: 'message',
      data: JSON.stringify({ out: [{ t: 'a' }, { t: 'b' }, { x: 1 }] }),
      receivedAt: 1,
    });
    expect(r.snapshot().merge.messages[0]?.text).toBe('ab');
  });

  it('turns itself off with the reason when the path cannot be read', () => {
    const s = createLlmRun({ setting: 'custom', custom: { path: 'token' } }).snapshot();
    expect(s.profile).toBeNull();
    expect(s.inactiveReason).toMatch(/starts with \$/);
  });
});
