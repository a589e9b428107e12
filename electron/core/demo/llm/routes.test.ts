import { afterEach, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../server';
import { readBlocks } from '../../../../tests/support/sse/sse-test-reader';

let server: DemoServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function read(path: string, method = 'POST') {
  server ??= await createDemoServer({ chatTokenMs: 1 });
  const response = await fetch(`${server.url}${path}`, {
    method,
    ...(method === 'POST'
      ? { body: '{"messages":[]}', headers: { 'Content-Type': 'application/json' } }
      : {}),
  });
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  return readBlocks(response);
}

const payloads = (blocks: Array<{ data?: string }>) =>
  blocks.map((b) => JSON.parse(b.data ?? 'null') as Record<string, unknown>);

describe('the demo LLM routes', () => {
  it('streams Anthropic Messages events whose event name matches the data type, ending in message_stop', async () => {
    const { blocks, ended } = await read('/anthropic/messages');
    expect(ended).toBe(true);
    expect(blocks.every((b) => b.event === payloads([b])[0]?.type)).toBe(true);
    expect(blocks.map((b) => b.event)).toEqual(
      expect.arrayContaining(['message_start', 'ping', 'content_block_delta', 'message_delta']),
    );
    expect(blocks.at(-1)?.event).toBe('message_stop');
  });

  it('numbers OpenAI Responses events without a gap and ends with response.completed', async () => {
    const { blocks } = await read('/openai/responses', 'GET');
    const numbers = payloads(blocks).map((p) => p.sequence_number);
    expect(numbers).toEqual(numbers.map((_, i) => i));
    expect(blocks.at(-1)?.event).toBe('response.completed');
  });

  it('ends the chat stream with [DONE] and the Gemini stream with a finishReason', async () => {
    const chat = await read('/openai/chat');
    expect(chat.blocks.at(-1)?.data).toBe('[DONE]');
    const gemini = await read('/gemini');
    const last = payloads(gemini.blocks).at(-1) as { candidates: Array<{ finishReason?: string }> };
    expect(last.candidates[0]?.finishReason).toBe('STOP');
  });

  it('breaks each stream off half way with ?fail=midway', async () => {
    const chat = await read('/openai/chat?fail=midway');
    expect(chat.blocks.some((b) => b.data === '[DONE]')).toBe(false);
    const anthropic = await read('/anthropic/messages?fail=midway');
    expect(anthropic.blocks.at(-1)?.event).toBe('error');
    const responses = await read('/openai/responses?fail=midway');
    expect(responses.blocks.at(-1)?.event).toBe('response.failed');
    const gemini = await read('/gemini?fail=midway');
    expect(gemini.blocks.some((b) => b.data?.includes('finishReason'))).toBe(false);
  });

  it('lists the LLM routes on the index page', async () => {
    server = await createDemoServer();
    const html = await (await fetch(`${server.url}/`)).text();
    for (const path of ['/openai/chat', '/openai/responses', '/anthropic/messages', '/gemini']) {
      expect(html).toContain(`href="${path}"`);
    }
  });
});
