import {
  appendReasoning,
  appendText,
  asArray,
  asNumber,
  asRecord,
  asString,
  errorMessageOf,
  markContent,
  mergeUsage,
  parseJson,
} from '../state-ops';
import { messageAt } from '../state-ops';
import type { LlmProfile } from '../types';

/**
 * Gemini `models/…:streamGenerateContent?alt=sse`: every event is a whole
 * `GenerateContentResponse` whose `candidates[].content.parts[]` hold new `text` (with
 * `thought: true` for thinking summaries) or a complete `functionCall {name, args}`. There is no
 * terminator: a candidate's `finishReason` is the completion signal, and `usageMetadata` the
 * usage. An `{"error": …}` payload is an error.
 */
export const geminiProfile: LlmProfile = {
  id: 'gemini',
  apply(state, event) {
    const payload = asRecord(parseJson(event.data));
    if (payload === null) return;
    const error = errorMessageOf(payload);
    if (error !== null) {
      state.error = error;
      return;
    }
    const at = event.receivedAt;
    for (const rawCandidate of asArray(payload.candidates)) {
      const candidate = asRecord(rawCandidate);
      if (candidate === null) continue;
      const index = asNumber(candidate.index) ?? 0;
      const content = asRecord(candidate.content);
      for (const rawPart of asArray(content?.parts)) {
        const part = asRecord(rawPart);
        if (part === null) continue;
        const text = asString(part.text);
        if (text !== null) {
          if (part.thought === true) appendReasoning(state, index, text, at);
          else appendText(state, index, text, at);
        }
        const call = asRecord(part.functionCall);
        if (call !== null) {
          messageAt(state, index).toolCalls.push({
            id: asString(call.id) ?? '',
            name: asString(call.name) ?? '',
            arguments: JSON.stringify(call.args ?? {}),
            complete: true,
          });
          markContent(state, at);
        }
      }
      const finish = asString(candidate.finishReason);
      if (finish !== null && finish !== 'FINISH_REASON_UNSPECIFIED') {
        state.stopReason = finish;
        state.terminated = true;
      }
    }
    const usage = asRecord(payload.usageMetadata);
    if (usage !== null) {
      mergeUsage(state, {
        inputTokens: asNumber(usage.promptTokenCount) ?? undefined,
        outputTokens: asNumber(usage.candidatesTokenCount) ?? undefined,
        totalTokens: asNumber(usage.totalTokenCount) ?? undefined,
        reasoningTokens: asNumber(usage.thoughtsTokenCount) ?? undefined,
      });
    }
  },
};
