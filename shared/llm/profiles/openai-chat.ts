import {
  appendReasoning,
  appendText,
  asArray,
  asNumber,
  asRecord,
  asString,
  completeAllToolCalls,
  errorMessageOf,
  markContent,
  mergeUsage,
  parseJson,
  toolCallAt,
} from '../state-ops';
import type { LlmProfile } from '../types';

/**
 * OpenAI Chat Completions streaming (`stream: true`): each event's data is a
 * `chat.completion.chunk` whose `choices[].delta` carries `content`, `reasoning_content` (sent by
 * compatible servers such as DeepSeek's) and `tool_calls` whose `function.arguments` arrive in
 * fragments keyed by `index`; `finish_reason` closes a choice, a last chunk with empty `choices`
 * carries `usage` (`stream_options.include_usage`), and `data: [DONE]` ends the stream.
 */
export const openAiChatProfile: LlmProfile = {
  id: 'openai-chat',
  apply(state, event) {
    const data = event.data.trim();
    if (data === '[DONE]') {
      completeAllToolCalls(state);
      state.terminated = true;
      return;
    }
    const chunk = asRecord(parseJson(data));
    if (chunk === null) return;
    const error = errorMessageOf(chunk);
    if (error !== null) {
      state.error = error;
      return;
    }
    for (const rawChoice of asArray(chunk.choices)) {
      const choice = asRecord(rawChoice);
      if (choice === null) continue;
      const index = asNumber(choice.index) ?? 0;
      const delta = asRecord(choice.delta) ?? {};
      appendText(state, index, asString(delta.content) ?? '', event.receivedAt);
      appendReasoning(
        state,
        index,
        asString(delta.reasoning_content) ?? asString(delta.reasoning) ?? '',
        event.receivedAt,
      );
      for (const rawCall of asArray(delta.tool_calls)) {
        const fragment = asRecord(rawCall);
        if (fragment === null) continue;
        const call = toolCallAt(state, index, String(asNumber(fragment.index) ?? 0));
        const id = asString(fragment.id);
        if (id !== null && id !== '') call.id = id;
        const fn = asRecord(fragment.function) ?? {};
        const name = asString(fn.name);
        if (name !== null && name !== '') call.name += name;
        const args = asString(fn.arguments) ?? '';
        call.arguments += args;
        if (args !== '') markContent(state, event.receivedAt);
      }
      const finish = asString(choice.finish_reason);
      if (finish !== null) {
        state.stopReason = finish;
        const message = state.messages.find((m) => m.index === index);
        for (const call of message?.toolCalls ?? []) call.complete = true;
      }
    }
    const usage = asRecord(chunk.usage);
    if (usage !== null) {
      const details = asRecord(usage.completion_tokens_details);
      mergeUsage(state, {
        inputTokens: asNumber(usage.prompt_tokens) ?? undefined,
        outputTokens: asNumber(usage.completion_tokens) ?? undefined,
        totalTokens: asNumber(usage.total_tokens) ?? undefined,
        reasoningTokens: asNumber(details?.reasoning_tokens) ?? undefined,
      });
    }
  },
};
