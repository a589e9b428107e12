import type { LlmUsage, MergeState, MergedMessage, ToolCall } from './types';

/** Small helpers every profile uses to grow a MergeState. */

export function messageAt(state: MergeState, index: number): MergedMessage {
  let message = state.messages.find((m) => m.index === index);
  if (message === undefined) {
    message = { index, text: '', reasoning: '', toolCalls: [] };
    state.messages.push(message);
    state.messages.sort((a, b) => a.index - b.index);
  }
  return message;
}

/** Counts one content-bearing event for time to first token and the rate. */
export function markContent(state: MergeState, at: number): void {
  state.contentChunks += 1;
  state.firstTokenAt ??= at;
  state.lastTokenAt = at;
}

export function appendText(state: MergeState, index: number, text: string, at: number): void {
  if (text === '') return;
  messageAt(state, index).text += text;
  markContent(state, at);
}

export function appendReasoning(state: MergeState, index: number, text: string, at: number): void {
  if (text === '') return;
  messageAt(state, index).reasoning += text;
  markContent(state, at);
}

/** The tool call filed under `key` (a provider's own index or item id), created on first use. */
export function toolCallAt(state: MergeState, messageIndex: number, key: string): ToolCall {
  const byKey = (state.scratch.toolCalls ??= new Map<string, ToolCall>()) as Map<string, ToolCall>;
  const fullKey = `${messageIndex}:${key}`;
  let call = byKey.get(fullKey);
  if (call === undefined) {
    call = { id: '', name: '', arguments: '', complete: false };
    byKey.set(fullKey, call);
    messageAt(state, messageIndex).toolCalls.push(call);
  }
  return call;
}

export function completeAllToolCalls(state: MergeState): void {
  for (const message of state.messages) for (const call of message.toolCalls) call.complete = true;
}

export function mergeUsage(state: MergeState, usage: LlmUsage): void {
  const merged: LlmUsage = { ...(state.usage ?? {}) };
  for (const [key, value] of Object.entries(usage) as Array<[keyof LlmUsage, unknown]>) {
    if (typeof value === 'number' && Number.isFinite(value)) merged[key] = value;
  }
  state.usage = merged;
}

/** JSON.parse that says null instead of throwing: streams carry non-JSON data too. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The message of `{"error": {"message": …}}`, `{"error": "…"}` or `{"message": …}`. */
export function errorMessageOf(value: unknown): string | null {
  const record = asRecord(value);
  if (record === null) return null;
  if (typeof record.error === 'string') return record.error;
  const inner = asRecord(record.error);
  if (inner !== null) {
    const message = asString(inner.message) ?? JSON.stringify(inner);
    const kind = asString(inner.type) ?? asString(inner.status) ?? asString(inner.code);
    return kind !== null && !message.startsWith(kind) ? `${kind}: ${message}` : message;
  }
  return null;
}
