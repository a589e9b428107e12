import {
  appendReasoning,
  appendText,
  asNumber,
  asRecord,
  asString,
  errorMessageOf,
  markContent,
  mergeUsage,
  parseJson,
  toolCallAt,
} from '../state-ops';
import type { LlmProfile, MergeState } from '../types';

/**
 * OpenAI Responses streaming: typed events (`event:` and the data's `type` agree), each with a
 * `sequence_number`. `response.output_text.delta` carries text, `response.reasoning_summary_text
 * .delta` / `response.reasoning_text.delta` reasoning, `response.function_call_arguments.delta`
 * argument fragments of the `function_call` item announced by `response.output_item.added`.
 * The run ends with `response.completed`, `response.incomplete` (a reason) or `response.failed`
 * (an error); an `error` event is an error too.
 */
export const openAiResponsesProfile: LlmProfile = {
  id: 'openai-responses',
  apply(state, event) {
    const payload = asRecord(parseJson(event.data));
    if (payload === null) return;
    checkSequence(state, asNumber(payload.sequence_number));
    const type = asString(payload.type) ?? event.type;
    const at = event.receivedAt;
    switch (type) {
      case 'response.output_text.delta':
        appendText(state, 0, asString(payload.delta) ?? '', at);
        return;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        appendReasoning(state, 0, asString(payload.delta) ?? '', at);
        return;
      case 'response.output_item.added':
      case 'response.output_item.done': {
        const item = asRecord(payload.item);
        if (item === null || item.type !== 'function_call') return;
        const call = toolCallAt(state, 0, itemKey(payload, item));
        call.id = asString(item.call_id) ?? asString(item.id) ?? call.id;
        call.name = asString(item.name) ?? call.name;
        if (type === 'response.output_item.done') {
          call.arguments = asString(item.arguments) ?? call.arguments;
          call.complete = true;
        }
        return;
      }
      case 'response.function_call_arguments.delta': {
        const call = toolCallAt(state, 0, itemKey(payload, null));
        const delta = asString(payload.delta) ?? '';
        call.arguments += delta;
        if (delta !== '') markContent(state, at);
        return;
      }
      case 'response.function_call_arguments.done': {
        const call = toolCallAt(state, 0, itemKey(payload, null));
        call.arguments = asString(payload.arguments) ?? call.arguments;
        call.complete = true;
        return;
      }
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        finishResponse(state, type, asRecord(payload.response));
        return;
      case 'error':
        state.error = errorMessageOf({ error: payload }) ?? 'error event';
        return;
      default:
        return;
    }
  },
};

/** Fragments name their item by `item_id`, and by `output_index`: prefer the index, as both carry it. */
function itemKey(payload: Record<string, unknown>, item: Record<string, unknown> | null): string {
  const index = asNumber(payload.output_index);
  if (index !== null) return `#${index}`;
  return asString(payload.item_id) ?? asString(item?.id) ?? '?';
}

function checkSequence(state: MergeState, sequence: number | null): void {
  if (sequence === null) return;
  const expected = state.scratch.nextSequence;
  if (typeof expected === 'number' && sequence > expected) {
    state.sequenceGaps.push({ expected, got: sequence });
  }
  state.scratch.nextSequence = Math.max(sequence + 1, typeof expected === 'number' ? expected : 0);
}

function finishResponse(
  state: MergeState,
  type: 'response.completed' | 'response.incomplete' | 'response.failed',
  response: Record<string, unknown> | null,
): void {
  const usage = asRecord(response?.usage);
  if (usage !== null) {
    mergeUsage(state, {
      inputTokens: asNumber(usage.input_tokens) ?? undefined,
      outputTokens: asNumber(usage.output_tokens) ?? undefined,
      totalTokens: asNumber(usage.total_tokens) ?? undefined,
      reasoningTokens:
        asNumber(asRecord(usage.output_tokens_details)?.reasoning_tokens) ?? undefined,
    });
  }
  for (const message of state.messages) for (const call of message.toolCalls) call.complete = true;
  if (type === 'response.failed') {
    state.error = errorMessageOf(response) ?? 'the response failed';
    state.stopReason = 'failed';
    return;
  }
  state.terminated = true;
  if (type === 'response.incomplete') {
    const reason = asString(asRecord(response?.incomplete_details)?.reason);
    state.stopReason = reason === null ? 'incomplete' : `incomplete: ${reason}`;
    return;
  }
  state.stopReason = asString(response?.status) ?? 'completed';
}
