import { asRecord, asString, parseJson } from './state-ops';
import type { LlmEvent, LlmProfileId } from './types';

/**
 * Which provider format a stream is, from its URL (the documented endpoint paths) or else from
 * its first events (each format has a tell: Anthropic's `message_start`, Responses' `response.*`
 * types, a `chat.completion.chunk`, Gemini's `candidates`).
 */
export function detectFromUrl(url: string): LlmProfileId | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  if (/:streamGenerateContent$/.test(path) || /\/gemini\/?$/.test(path)) return 'gemini';
  if (/\/chat\/completions\/?$/.test(path) || /\/openai\/chat\/?$/.test(path)) return 'openai-chat';
  if (/\/responses\/?$/.test(path)) return 'openai-responses';
  if (/\/anthropic\/messages\/?$/.test(path) || /\/v1\/messages\/?$/.test(path)) return 'anthropic';
  return null;
}

const ANTHROPIC_TYPES = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
]);

export function detectFromEvent(event: LlmEvent): LlmProfileId | null {
  if (ANTHROPIC_TYPES.has(event.type)) return 'anthropic';
  if (event.type.startsWith('response.')) return 'openai-responses';
  const payload = asRecord(parseJson(event.data));
  if (payload === null) return null;
  const type = asString(payload.type) ?? '';
  if (ANTHROPIC_TYPES.has(type)) return 'anthropic';
  if (type.startsWith('response.')) return 'openai-responses';
  if (payload.object === 'chat.completion.chunk') return 'openai-chat';
  if (Array.isArray(payload.choices)) return 'openai-chat';
  if (Array.isArray(payload.candidates) || asRecord(payload.usageMetadata) !== null)
    return 'gemini';
  return null;
}
