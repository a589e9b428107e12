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
 * Anthropic Messages streaming: `message_start` (input usage), then per content block
 * `content_block_start` (a `text`, `thinking` or `tool_use` block), `content_block_delta`
 * (`text_delta`, `thinking_delta`, `input_json_delta` fragments of the tool input,
 * `signature_delta`) and `content_block_stop`; `message_delta` brings the stop reason and the
 * output usage, `message_stop` ends the run. `ping` is filler; an `error` event is an error.
 */
export const anthropicProfile: LlmProfile = {
  id: 'anthropic',
  apply(state, event) {
    const payload = asRecord(parseJson(event.data));
    if (payload === null) return;
    const type = asString(payload.type) ?? event.type;
    const at = event.receivedAt;
    switch (type) {
      case 'message_start': {
        // Its output_tokens is a placeholder (1); the real count comes with message_delta.
        const usage = asRecord(asRecord(payload.message)?.usage);
        addUsage(state, usage === null ? null : { input_tokens: usage.input_tokens });
        return;
      }
      case 'content_block_start': {
        const index = asNumber(payload.index) ?? 0;
        const block = asRecord(payload.content_block);
        blockTypes(state).set(index, asString(block?.type) ?? 'text');
        if (block?.type === 'tool_use') {
          const call = toolCallAt(state, 0, String(index));
          call.id = asString(block.id) ?? '';
          call.name = asString(block.name) ?? '';
        } else if (block?.type === 'text') {
          appendText(state, 0, asString(block.text) ?? '', at);
        }
        return;
      }
      case 'content_block_delta': {
        const index = asNumber(payload.index) ?? 0;
        const delta = asRecord(payload.delta) ?? {};
        switch (delta.type) {
          case 'text_delta':
            appendText(state, 0, asString(delta.text) ?? '', at);
            return;
          case 'thinking_delta':
            appendReasoning(state, 0, asString(delta.thinking) ?? '', at);
            return;
          case 'input_json_delta': {
            const fragment = asString(delta.partial_json) ?? '';
            toolCallAt(state, 0, String(index)).arguments += fragment;
            if (fragment !== '') markContent(state, at);
            return;
          }
          default:
            return;
        }
      }
      case 'content_block_stop': {
        const index = asNumber(payload.index) ?? 0;
        if (blockTypes(state).get(index) === 'tool_use') {
          const call = toolCallAt(state, 0, String(index));
          // A tool called without arguments streams no input_json_delta at all.
          if (call.arguments === '') call.arguments = '{}';
          call.complete = true;
        }
        return;
      }
      case 'message_delta': {
        const delta = asRecord(payload.delta);
        const stop = asString(delta?.stop_reason);
        if (stop !== null) state.stopReason = stop;
        addUsage(state, asRecord(payload.usage));
        return;
      }
      case 'message_stop':
        state.terminated = true;
        return;
      case 'error':
        state.error = errorMessageOf(payload) ?? 'error event';
        return;
      default:
        return;
    }
  },
};

function blockTypes(state: MergeState): Map<number, string> {
  return (state.scratch.blockTypes ??= new Map<number, string>()) as Map<number, string>;
}

function addUsage(state: MergeState, usage: Record<string, unknown> | null): void {
  if (usage === null) return;
  const input = asNumber(usage.input_tokens);
  const output = asNumber(usage.output_tokens);
  mergeUsage(state, {
    inputTokens: input ?? undefined,
    outputTokens: output ?? undefined,
  });
  const merged = state.usage;
  if (merged?.inputTokens !== undefined && merged.outputTokens !== undefined) {
    merged.totalTokens = merged.inputTokens + merged.outputTokens;
  }
}
