import type { IncomingMessage } from 'node:http';
import { formatSseMessage } from '../sse-format';
import { openSseStream } from '../sse-stream';
import { sendError, type DemoRoute } from '../demo-context';

const CHAT_MAX_BODY_BYTES = 64 * 1024;
const CHAT_MODEL = 'eventscope-demo';

type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { ok: false, tooLarge: true };
    chunks.push(chunk);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** The prompt from `{"prompt": "…"}` or from the last message of `{"messages": [...]}`. */
export function promptOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  if (typeof record.prompt === 'string') return record.prompt;
  if (Array.isArray(record.messages) && record.messages.length > 0) {
    const last: unknown = record.messages[record.messages.length - 1];
    if (typeof last === 'object' && last !== null) {
      const content = (last as Record<string, unknown>).content;
      if (typeof content === 'string') return content;
    }
  }
  return null;
}

/** The canned reply, split into word-sized tokens with their leading space, as LLMs stream. */
export function chatTokens(prompt: string): string[] {
  const shown = prompt.length > 80 ? `${prompt.slice(0, 77)}...` : prompt;
  const reply =
    `You said: "${shown}". This is the Eventscope demo server streaming a reply one token ` +
    'at a time, the way LLM chat APIs do over Server-Sent Events.';
  return reply.match(/\s*\S+/g) ?? [];
}

/**
 * `/chat`: POST a JSON body (`{"prompt": "…"}` or an OpenAI-style `messages` array) and get an
 * LLM-style token stream: `data: {chat.completion.chunk JSON}` events, then `data: [DONE]`, then
 * the end of the body. Any bearer token is accepted; a malformed `Authorization` header gets a
 * 401 with a JSON body, to show how failures are reported.
 */
export const chatRoute: DemoRoute = async (req, res, _url, ctx) => {
  if (req.method !== 'POST') {
    sendError(res, 405, 'method_not_allowed', 'POST a JSON body such as {"prompt":"Hello"}', {
      Allow: 'POST, OPTIONS',
    });
    return;
  }
  const authorization = req.headers.authorization;
  if (authorization !== undefined && !/^Bearer\s+\S+$/i.test(authorization)) {
    sendError(res, 401, 'invalid_token', 'Authorization must be "Bearer <token>"', {
      'WWW-Authenticate': 'Bearer',
    });
    return;
  }
  const body = await readBody(req, CHAT_MAX_BODY_BYTES);
  if (!body.ok) {
    sendError(res, 413, 'body_too_large', `the body must be at most ${CHAT_MAX_BODY_BYTES} bytes`);
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    sendError(res, 400, 'invalid_json', 'the body is not valid JSON; send {"prompt":"Hello"}');
    return;
  }
  const prompt = promptOf(parsed);
  if (prompt === null) {
    sendError(res, 400, 'missing_prompt', 'expected a JSON object with a "prompt" string');
    return;
  }

  const stream = openSseStream(req, res, ctx.streams);
  const id = `chatcmpl-demo-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, string>, finishReason: string | null): string =>
    formatSseMessage({
      data: JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model: CHAT_MODEL,
        choices: [{ index: 0, delta, finish_reason: finishReason }],
      }),
    });
  const tokens = chatTokens(prompt);
  let index = 0;
  stream.write(chunk({ role: 'assistant' }, null));
  stream.every(ctx.timings.chatTokenMs, () => {
    const token = tokens[index];
    index += 1;
    if (token !== undefined) {
      stream.write(chunk({ content: token }, null));
      return;
    }
    stream.write(chunk({}, 'stop'));
    stream.write(formatSseMessage({ data: '[DONE]' }));
    stream.end();
  });
};
