import type { LlmEvent } from '../../../shared/llm/types';

/**
 * Streams built from the providers' documented formats, for the profile tests: each builder
 * returns the dispatched events (type and data, as the SSE parser would hand them over) with
 * arrival times 10 ms apart from `start`. Deltas come from `pieces`, so a test can split text
 * anywhere — inside a multi-byte character's UTF-16 surrogate pair included.
 */

export interface StreamOptions {
  pieces: readonly string[];
  /** Tool-call argument fragments (already JSON text when joined). */
  argumentPieces?: readonly string[];
  reasoning?: readonly string[];
  /** Stop before the terminator / completion event: the stream was cut off. */
  truncate?: boolean;
  /** Put a provider error where the terminator would be. */
  error?: boolean;
  start?: number;
}

const STEP_MS = 10;

function timed(events: Array<Pick<LlmEvent, 'type' | 'data'>>, start = 1_000): LlmEvent[] {
  return events.map((e, i) => ({ ...e, receivedAt: start + i * STEP_MS }));
}

/**
 * JSON with every non-ASCII character escaped as \uXXXX: some servers send that, and it lets a
 * test cut a surrogate pair between two events (each event's JSON stays valid).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Splits a string into UTF-16 code units one by one where it holds a surrogate pair. */
export function splitSurrogates(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 1) out.push(text[i]!);
  return out;
}

export function openAiChatStream(o: StreamOptions): LlmEvent[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null, index = 0) => ({
    type: 'message',
    data: asciiJson({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-test',
      choices: [{ index, delta, logprobs: null, finish_reason: finish }],
    }),
  });
  const events = [chunk({ role: 'assistant', content: '' })];
  for (const r of o.reasoning ?? []) events.push(chunk({ reasoning_content: r }));
  for (const p of o.pieces) events.push(chunk({ content: p }));
  if (o.argumentPieces) {
    events.push(
      chunk({
        tool_calls: [
          { index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '' } },
        ],
      }),
    );
    for (const a of o.argumentPieces) {
      events.push(chunk({ tool_calls: [{ index: 0, function: { arguments: a } }] }));
    }
  }
  if (o.truncate) return timed(events, o.start);
  if (o.error) {
    events.push({
      type: 'message',
      data: JSON.stringify({ error: { message: 'The server had an error', type: 'server_error' } }),
    });
    return timed(events, o.start);
  }
  events.push(chunk({}, o.argumentPieces ? 'tool_calls' : 'stop'));
  events.push({
    type: 'message',
    data: JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 },
    }),
  });
  events.push({ type: 'message', data: '[DONE]' });
  return timed(events, o.start);
}

export function openAiResponsesStream(o: StreamOptions & { skipSequence?: number }): LlmEvent[] {
  let seq = 0;
  const events: Array<Pick<LlmEvent, 'type' | 'data'>> = [];
  const emit = (type: string, fields: Record<string, unknown>) => {
    if (seq === o.skipSequence) seq += 1;
    events.push({ type, data: asciiJson({ type, sequence_number: seq++, ...fields }) });
  };
  emit('response.created', { response: { id: 'resp_1', status: 'in_progress' } });
  for (const r of o.reasoning ?? []) {
    emit('response.reasoning_summary_text.delta', { item_id: 'rs_1', output_index: 0, delta: r });
  }
  for (const p of o.pieces) {
    emit('response.output_text.delta', {
      item_id: 'msg_1',
      output_index: 1,
      content_index: 0,
      delta: p,
    });
  }
  if (o.argumentPieces) {
    emit('response.output_item.added', {
      output_index: 2,
      item: { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '' },
    });
    for (const a of o.argumentPieces) {
      emit('response.function_call_arguments.delta', {
        item_id: 'fc_1',
        output_index: 2,
        delta: a,
      });
    }
    emit('response.function_call_arguments.done', {
      item_id: 'fc_1',
      output_index: 2,
      arguments: o.argumentPieces.join(''),
    });
  }
  if (o.truncate) return timed(events, o.start);
  if (o.error) {
    emit('response.failed', {
      response: {
        id: 'resp_1',
        status: 'failed',
        error: { code: 'server_error', message: 'The model crashed' },
      },
    });
    return timed(events, o.start);
  }
  emit('response.completed', {
    response: {
      id: 'resp_1',
      status: 'completed',
      usage: { input_tokens: 5, output_tokens: 9, total_tokens: 14 },
    },
  });
  return timed(events, o.start);
}

export function anthropicStream(o: StreamOptions): LlmEvent[] {
  const events: Array<Pick<LlmEvent, 'type' | 'data'>> = [];
  const emit = (type: string, fields: Record<string, unknown> = {}) =>
    events.push({ type, data: asciiJson({ type, ...fields }) });
  emit('message_start', {
    message: {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      content: [],
      model: 'claude-test',
      stop_reason: null,
      usage: { input_tokens: 5, output_tokens: 1 },
    },
  });
  let block = 0;
  if (o.reasoning) {
    emit('content_block_start', {
      index: block,
      content_block: { type: 'thinking', thinking: '' },
    });
    for (const r of o.reasoning) {
      emit('content_block_delta', { index: block, delta: { type: 'thinking_delta', thinking: r } });
    }
    emit('content_block_delta', {
      index: block,
      delta: { type: 'signature_delta', signature: 'c2ln' },
    });
    emit('content_block_stop', { index: block });
    block += 1;
  }
  emit('content_block_start', { index: block, content_block: { type: 'text', text: '' } });
  emit('ping');
  for (const p of o.pieces) {
    emit('content_block_delta', { index: block, delta: { type: 'text_delta', text: p } });
  }
  if (o.error) {
    emit('error', { error: { type: 'overloaded_error', message: 'Overloaded' } });
    return timed(events, o.start);
  }
  emit('content_block_stop', { index: block });
  if (o.argumentPieces) {
    block += 1;
    emit('content_block_start', {
      index: block,
      content_block: { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} },
    });
    for (const a of o.argumentPieces) {
      emit('content_block_delta', {
        index: block,
        delta: { type: 'input_json_delta', partial_json: a },
      });
    }
    emit('content_block_stop', { index: block });
  }
  if (o.truncate) return timed(events, o.start);
  emit('message_delta', {
    delta: { stop_reason: o.argumentPieces ? 'tool_use' : 'end_turn', stop_sequence: null },
    usage: { output_tokens: 9 },
  });
  emit('message_stop');
  return timed(events, o.start);
}

export function geminiStream(o: StreamOptions & { toolArgs?: unknown }): LlmEvent[] {
  const chunk = (parts: unknown[], extra: Record<string, unknown> = {}) => ({
    type: 'message',
    data: asciiJson({
      candidates: [{ content: { role: 'model', parts }, index: 0, ...extra }],
      usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
      modelVersion: 'gemini-test',
    }),
  });
  const events = (o.reasoning ?? []).map((r) => chunk([{ text: r, thought: true }]));
  for (const p of o.pieces) events.push(chunk([{ text: p }]));
  if (o.toolArgs !== undefined) {
    events.push(chunk([{ functionCall: { name: 'lookup', args: o.toolArgs } }]));
  }
  if (o.truncate) return timed(events, o.start);
  if (o.error) {
    events.push({
      type: 'message',
      data: JSON.stringify({
        error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' },
      }),
    });
    return timed(events, o.start);
  }
  events.push({
    type: 'message',
    data: JSON.stringify({
      candidates: [
        { content: { role: 'model', parts: [{ text: '' }] }, finishReason: 'STOP', index: 0 },
      ],
      usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 9, totalTokenCount: 14 },
    }),
  });
  return timed(events, o.start);
}
