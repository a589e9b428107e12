import type { DemoRoute } from '../demo-context';
import { json, playLlmStream, type LlmStep } from './play';
import {
  argumentFragments,
  DEMO_LLM_MODEL,
  DEMO_REASONING,
  DEMO_TOOL,
  DEMO_USAGE,
  failsMidway,
  replyTokens,
} from './script';

/**
 * `/anthropic/messages`: an Anthropic Messages stream — `message_start`, a `thinking` block
 * (`thinking_delta`, `signature_delta`), a `text` block (`text_delta`), a `ping`, a `tool_use`
 * block (`input_json_delta`), `message_delta` with the stop reason and usage, `message_stop`.
 * `?fail=midway` sends an `error` event (`overloaded_error`) half way and ends the body.
 */
export function anthropicSteps(failMidway: boolean): LlmStep[] {
  const steps: LlmStep[] = [];
  const emit = (type: string, fields: Record<string, unknown> = {}): void => {
    steps.push({ event: type, data: json({ type, ...fields }) });
  };
  emit('message_start', {
    message: {
      id: 'msg_demo',
      type: 'message',
      role: 'assistant',
      model: DEMO_LLM_MODEL,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: DEMO_USAGE.inputTokens, output_tokens: 1 },
    },
  });
  emit('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } });
  for (const piece of DEMO_REASONING) {
    emit('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: piece } });
  }
  emit('content_block_delta', {
    index: 0,
    delta: { type: 'signature_delta', signature: 'ZGVtby1zaWduYXR1cmU=' },
  });
  emit('content_block_stop', { index: 0 });
  emit('content_block_start', { index: 1, content_block: { type: 'text', text: '' } });
  emit('ping');
  const tokens = replyTokens();
  const half = Math.floor(tokens.length / 2);
  for (const [i, token] of tokens.entries()) {
    if (failMidway && i === half) {
      emit('error', {
        error: { type: 'overloaded_error', message: 'Overloaded (demo fail=midway)' },
      });
      return steps;
    }
    emit('content_block_delta', { index: 1, delta: { type: 'text_delta', text: token } });
  }
  emit('content_block_stop', { index: 1 });
  emit('content_block_start', {
    index: 2,
    content_block: { type: 'tool_use', id: 'toolu_demo_weather', name: DEMO_TOOL.name, input: {} },
  });
  for (const fragment of argumentFragments()) {
    emit('content_block_delta', {
      index: 2,
      delta: { type: 'input_json_delta', partial_json: fragment },
    });
  }
  emit('content_block_stop', { index: 2 });
  emit('message_delta', {
    delta: { stop_reason: 'tool_use', stop_sequence: null },
    usage: { output_tokens: DEMO_USAGE.outputTokens },
  });
  emit('message_stop');
  return steps;
}

export const anthropicRoute: DemoRoute = (req, res, url, ctx) =>
  playLlmStream(req, res, ctx, anthropicSteps(failsMidway(url)));
