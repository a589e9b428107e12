import type { DemoRoute } from '../demo-context';
import type { SseMessage } from '../sse-format';
import { json, playLlmStream, type LlmStep } from './play';
import {
  argumentFragments,
  DEMO_LLM_MODEL,
  DEMO_REASONING,
  DEMO_REPLY,
  DEMO_TOOL,
  DEMO_USAGE,
  failsMidway,
  replyTokens,
} from './script';

/**
 * `/openai/responses`: an OpenAI Responses stream — typed events with `sequence_number`:
 * `response.created`, a reasoning item with `response.reasoning_summary_text.delta`, a message
 * item with `response.output_text.delta`, a `function_call` item with
 * `response.function_call_arguments.delta`, then `response.completed` with usage.
 * `?fail=midway` ends with `response.failed` (an error) half way through the text.
 */
export function openAiResponsesSteps(failMidway: boolean): LlmStep[] {
  let sequence = 0;
  const steps: LlmStep[] = [];
  const emit = (type: string, fields: Record<string, unknown>): void => {
    const message: SseMessage = {
      event: type,
      data: json({ type, sequence_number: sequence++, ...fields }),
    };
    steps.push(message);
  };
  const response = (status: string, extra: Record<string, unknown> = {}) => ({
    id: 'resp_demo',
    object: 'response',
    model: DEMO_LLM_MODEL,
    status,
    ...extra,
  });
  emit('response.created', { response: response('in_progress') });
  emit('response.output_item.added', {
    output_index: 0,
    item: { id: 'rs_demo', type: 'reasoning', summary: [] },
  });
  for (const piece of DEMO_REASONING) {
    emit('response.reasoning_summary_text.delta', {
      item_id: 'rs_demo',
      output_index: 0,
      summary_index: 0,
      delta: piece,
    });
  }
  emit('response.output_item.added', {
    output_index: 1,
    item: {
      id: 'msg_demo',
      type: 'message',
      role: 'assistant',
      status: 'in_progress',
      content: [],
    },
  });
  const tokens = replyTokens();
  const half = Math.floor(tokens.length / 2);
  for (const [i, token] of tokens.entries()) {
    if (failMidway && i === half) {
      emit('response.failed', {
        response: response('failed', {
          error: { code: 'server_error', message: 'The demo model failed half way (fail=midway).' },
        }),
      });
      return steps;
    }
    emit('response.output_text.delta', {
      item_id: 'msg_demo',
      output_index: 1,
      content_index: 0,
      delta: token,
    });
  }
  emit('response.output_text.done', {
    item_id: 'msg_demo',
    output_index: 1,
    content_index: 0,
    text: DEMO_REPLY,
  });
  emit('response.output_item.added', {
    output_index: 2,
    item: {
      id: 'fc_demo',
      type: 'function_call',
      call_id: DEMO_TOOL.id,
      name: DEMO_TOOL.name,
      arguments: '',
    },
  });
  for (const fragment of argumentFragments()) {
    emit('response.function_call_arguments.delta', {
      item_id: 'fc_demo',
      output_index: 2,
      delta: fragment,
    });
  }
  emit('response.function_call_arguments.done', {
    item_id: 'fc_demo',
    output_index: 2,
    arguments: DEMO_TOOL.arguments,
  });
  emit('response.completed', {
    response: response('completed', {
      usage: {
        input_tokens: DEMO_USAGE.inputTokens,
        output_tokens: DEMO_USAGE.outputTokens,
        total_tokens: DEMO_USAGE.inputTokens + DEMO_USAGE.outputTokens,
      },
    }),
  });
  return steps;
}

export const openAiResponsesRoute: DemoRoute = (req, res, url, ctx) =>
  playLlmStream(req, res, ctx, openAiResponsesSteps(failsMidway(url)));
