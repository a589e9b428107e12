import { describe, expect, it } from 'vitest';
import { anthropicStream, openAiChatStream } from '../../tests/support/llm/provider-streams';
import { detectFromUrl } from './detect';
import { formatToolArguments, mergedMarkdown, mergedRecord } from './export';
import { createLlmRun, LLM_DETECT_MAX_EVENTS } from './run';

describe('profile detection', () => {
  it('knows the providers’ endpoint paths and the demo routes', () => {
    expect(detectFromUrl('https://api.openai.com/v1/chat/completions')).toBe('openai-chat');
    expect(detectFromUrl('https://api.openai.com/v1/responses')).toBe('openai-responses');
    expect(detectFromUrl('https://api.anthropic.com/v1/messages')).toBe('anthropic');
    expect(
      detectFromUrl(
        'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      ),
    ).toBe('gemini');
    expect(detectFromUrl('http://127.0.0.1:1/anthropic/messages?fail=midway')).toBe('anthropic');
    expect(detectFromUrl('http://127.0.0.1:1/counter')).toBeNull();
  });

  it('detects from the first events when the URL says nothing, replaying what it held back', () => {
    const r = createLlmRun({ setting: 'auto', url: 'http://127.0.0.1:1/proxy' });
    for (const e of anthropicStream({ pieces: ['Hel', 'lo'] })) r.pushEvent(e);
    const s = r.snapshot();
    expect(s).toMatchObject({ profile: 'anthropic', detectedBy: 'events', status: 'completed' });
    expect(s.merge.messages[0]?.text).toBe('Hello');
  });

  it('gives up on a stream that is not an LLM’s, and merges nothing under none', () => {
    const plain = createLlmRun({ setting: 'auto', url: 'http://127.0.0.1:1/counter' });
    for (let i = 0; i < LLM_DETECT_MAX_EVENTS; i += 1) {
      plain.pushEvent({ type: 'message', data: String(i), receivedAt: i });
    }
    expect(plain.snapshot()).toMatchObject({ profile: null, inactiveReason: 'unrecognised' });
    const off = createLlmRun({
      setting: 'none',
      url: 'https://api.openai.com/v1/chat/completions',
    });
    for (const e of openAiChatStream({ pieces: ['x'] })) off.pushEvent(e);
    expect(off.snapshot()).toMatchObject({ profile: null, inactiveReason: 'none' });
  });
});

describe('run status and timing', () => {
  it('measures time to first byte and token, duration and tokens per second from usage', () => {
    const r = createLlmRun({ setting: 'openai-chat' });
    r.pushState({ type: 'connecting', at: 1000, attempt: 1, url: 'u' });
    r.pushState({ type: 'open', at: 1040, attempt: 1, url: 'u', status: 200, headers: [] });
    // Events at 1100, 1110, …: the role chunk first, content from 1110 on.
    const events = openAiChatStream({ pieces: ['a', 'b', 'c'], start: 1100 });
    for (const e of events) r.pushEvent(e);
    const s = r.snapshot();
    expect(s.timing.ttfbMs).toBe(40);
    expect(s.timing.ttftMs).toBe(110);
    // [DONE], the seventh event, at 1160 ends the run.
    expect(s.timing.durationMs).toBe(160);
    // 9 completion tokens over the 20 ms from the first to the last content chunk.
    expect(s.timing).toMatchObject({ tokensPerSecond: 450, rateUnit: 'tokens' });
  });

  it('counts chunks per second when the provider reports no usage', () => {
    const r = createLlmRun({ setting: 'openai-chat' });
    for (const e of openAiChatStream({ pieces: ['a', 'b', 'c'], truncate: true })) r.pushEvent(e);
    expect(r.snapshot().timing).toMatchObject({ tokensPerSecond: 150, rateUnit: 'chunks' });
  });

  it('calls a connection that failed before any token errored, with the failure, never "200 OK"', () => {
    const r = createLlmRun({ setting: 'auto', url: 'https://api.anthropic.com/v1/messages' });
    r.pushState({ type: 'connecting', at: 1, attempt: 1, url: 'u' });
    r.pushState({
      type: 'failed',
      at: 2,
      attempt: 1,
      error: {
        code: 'http-status',
        message: 'HTTP 529 from https://api.anthropic.com/v1/messages',
        status: 529,
      },
    });
    expect(r.snapshot()).toMatchObject({
      status: 'errored',
      error: expect.stringMatching(/HTTP 529/),
    });
  });
});

describe('exports', () => {
  const snapshot = () => {
    const r = createLlmRun({ setting: 'anthropic' });
    for (const e of anthropicStream({
      pieces: ['Hi ', 'there'],
      reasoning: ['hmm'],
      argumentPieces: ['{"a":', '1}'],
    }))
      r.pushEvent(e);
    return r.snapshot();
  };

  it('writes the merged record the CLI and the JSON export share', () => {
    const record = mergedRecord(snapshot());
    expect(Object.keys(record)).toEqual([
      'kind',
      'profile',
      'status',
      'messages',
      'stopReason',
      'usage',
      'timing',
      'error',
    ]);
    expect(record.messages).toEqual([
      {
        index: 0,
        text: 'Hi there',
        reasoning: 'hmm',
        toolCalls: [{ id: 'toolu_1', name: 'lookup', arguments: '{"a":1}' }],
      },
    ]);
    expect(Object.keys(record.timing)).toEqual([
      'ttfbMs',
      'ttftMs',
      'durationMs',
      'tokensPerSecond',
    ]);
  });

  it('writes Markdown with the text, reasoning quoted, pretty tool arguments and the status', () => {
    const md = mergedMarkdown(snapshot());
    expect(md).toContain('Hi there');
    expect(md).toContain('> hmm');
    expect(md).toContain('```json\n{\n  "a": 1\n}\n```');
    expect(md).toContain('- Status: completed');
    expect(md).toContain('- Stop reason: tool_use');
  });

  it('flags tool arguments that are not valid JSON instead of hiding them', () => {
    const result = formatToolArguments({ arguments: '{"a": 1' });
    expect(result.valid).toBe(false);
    expect(result).toMatchObject({ raw: '{"a": 1' });
  });
});
