/**
 * What the demo "model" says, shared by every provider route so each stream carries the same
 * realistic parts: a thinking block, a reply in word-sized tokens (with multi-byte text, as real
 * replies have), one tool call whose JSON arguments arrive in fragments, and usage.
 */
export const DEMO_LLM_MODEL = 'eventscope-demo-1';

export const DEMO_REASONING = [
  'The user wants SSE explained. ',
  'Keep it short, ',
  'then check the weather tool.',
];

export const DEMO_REPLY =
  'Server-Sent Events (SSE) stream text over one HTTP response — “event: …” and “data: …” lines, ' +
  'one event per blank line. Ideal for LLM tokens ⚡, 日本語 included.';

export const DEMO_TOOL = {
  id: 'call_demo_weather',
  name: 'get_weather',
  arguments: '{"city": "Paris", "unit": "celsius"}',
};

export const DEMO_USAGE = { inputTokens: 24, outputTokens: 42 };

/** The reply as LLMs stream it: word-sized pieces with their leading space. */
export function replyTokens(): string[] {
  return DEMO_REPLY.match(/\s*\S+/g) ?? [];
}

/** The tool arguments in small fragments, as providers send `arguments` / `partial_json`. */
export function argumentFragments(): string[] {
  return DEMO_TOOL.arguments.match(/.{1,7}/g) ?? [];
}

/** `?fail=midway`: the stream errors or breaks off about half way through the reply. */
export function failsMidway(url: URL): boolean {
  return url.searchParams.get('fail') === 'midway';
}
