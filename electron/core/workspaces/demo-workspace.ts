import { DEMO_URL_VARIABLE } from '../../../shared/model/environments';
import type { Endpoint, IdGenerator, Workspace } from '../../../shared/model/workspace';
import { defaultRetryPolicy } from '../../../shared/model/retry-policy';
import {
  createEndpoint,
  createHeader,
  createWorkspace,
  randomId,
} from '../../../shared/model/workspace';

/**
 * Placeholder for the built-in demo server's base URL. The server starts on a free loopback
 * port only when one of its endpoints connects, so the port is not known when the workspace is
 * written; the workspace service resolves this name itself.
 */
export { DEMO_URL_VARIABLE };
const DEMO = `{{${DEMO_URL_VARIABLE}}}`;

export function usesDemoServer(endpoint: Pick<Endpoint, 'url'>): boolean {
  return endpoint.url.includes(DEMO);
}

/** The "Demo" workspace made on first launch: live events within seconds, no server needed. */
export function createDemoWorkspace(
  now: Date = new Date(),
  newId: IdGenerator = randomId,
): Workspace {
  const endpoint = (name: string, path: string, notes: string, method = 'GET'): Endpoint => ({
    ...createEndpoint({ name, url: `${DEMO}${path}`, method }, newId),
    notes,
    tags: ['demo'],
  });
  const chat: Endpoint = {
    ...endpoint(
      'Chat completion (POST)',
      '/chat',
      'An LLM-style token stream: POST a JSON prompt, tokens arrive as chat.completion.chunk events, then [DONE]. The prompt comes from the workspace variable "prompt": edit it and reopen.',
      'POST',
    ),
    headers: [createHeader('X-Client', 'eventscope-demo')],
    body: { kind: 'json', text: '{\n  "prompt": "{{prompt}}"\n}', contentType: '' },
  };
  // Provider-shaped LLM streams: POST a JSON request like the real APIs (docs/llm-streams.md).
  const llm = (name: string, path: string, notes: string, body: string): Endpoint => ({
    ...endpoint(name, path, notes, 'POST'),
    body: { kind: 'json', text: body, contentType: '' },
  });
  const messages = '[{ "role": "user", "content": "{{prompt}}" }]';
  const llmEndpoints = [
    llm(
      'OpenAI chat stream',
      '/openai/chat',
      'A Chat Completions stream: reasoning, text, a tool call, usage, then [DONE]. Open the merged view.',
      `{\n  "model": "demo",\n  "stream": true,\n  "messages": ${messages}\n}`,
    ),
    llm(
      'OpenAI Responses stream',
      '/openai/responses',
      'A Responses stream: typed events with sequence numbers, ending in response.completed.',
      '{\n  "model": "demo",\n  "stream": true,\n  "input": "{{prompt}}"\n}',
    ),
    llm(
      'Anthropic Messages stream',
      '/anthropic/messages',
      'A Messages stream: a thinking block, text, a tool_use block, usage, then message_stop.',
      `{\n  "model": "demo",\n  "max_tokens": 1024,\n  "stream": true,\n  "messages": ${messages}\n}`,
    ),
    llm(
      'Gemini stream',
      '/gemini',
      'A streamGenerateContent?alt=sse stream: thought parts, text, a function call, finishReason.',
      '{\n  "contents": [{ "role": "user", "parts": [{ "text": "{{prompt}}" }] }]\n}',
    ),
    llm(
      'Anthropic stream that fails midway',
      '/anthropic/messages?fail=midway',
      'Half a reply, then an overloaded_error event: the run status says errored.',
      `{\n  "model": "demo",\n  "stream": true,\n  "messages": ${messages}\n}`,
    ),
  ];
  return {
    ...createWorkspace('Demo', now, newId),
    endpoints: [
      endpoint(
        'Clock',
        '/stream',
        'The classic demo: a connecttime event, then the date every second.',
      ),
      endpoint(
        'Counter',
        '/counter',
        'Numbered events with ids; reconnects resume after Last-Event-ID.',
      ),
      chat,
      endpoint(
        'Flaky connection',
        '/flaky',
        'Drops the connection every few events: watch the reconnects and the resume.',
      ),
      {
        ...endpoint(
          'Burst (100k × 64 B)',
          '/burst?n=100000&size=64',
          'As fast as the socket takes it.',
        ),
        // One burst, then the end: reconnecting after it would send the burst again, forever.
        retry: { ...defaultRetryPolicy('GET'), reconnectOnEnd: false },
      },
      ...llmEndpoints,
    ],
    // Not a secret on purpose: the demo must work where secrets are kept for a session only.
    variables: [
      { name: 'prompt', value: 'Explain Server-Sent Events in one paragraph.', secret: false },
    ],
  };
}
