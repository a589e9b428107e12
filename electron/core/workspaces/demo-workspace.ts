import { DEMO_URL_VARIABLE } from '../../../shared/model/environments';
import type { Language } from '../../../shared/api/settings-values';
import { resolveLocale, type Locale } from '../../../shared/locale';
import { DEMO_TEXTS } from './demo-texts';
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

/**
 * The language to seed the Demo in: the one chosen in Settings, else the system's (the page
 * follows the system too when nothing is chosen; `Intl` reads LANG/LC_ALL on Node).
 */
export function demoLanguage(
  setting: Language,
  system: readonly string[] = [Intl.DateTimeFormat().resolvedOptions().locale],
): Locale {
  return resolveLocale(setting, system);
}

/** The "Demo" workspace made on first launch: live events within seconds, no server needed. */
export function createDemoWorkspace(
  now: Date = new Date(),
  newId: IdGenerator = randomId,
  language: Locale = 'en',
): Workspace {
  const texts = DEMO_TEXTS[language].endpoints;
  const endpoint = (
    { name, notes }: { name: string; notes: string },
    path: string,
    method = 'GET',
  ): Endpoint => ({
    ...createEndpoint({ name, url: `${DEMO}${path}`, method }, newId),
    notes,
    tags: ['demo'],
  });
  const chat: Endpoint = {
    ...endpoint(texts.chat, '/chat', 'POST'),
    headers: [createHeader('X-Client', 'eventscope-demo')],
    body: { kind: 'json', text: '{\n  "prompt": "{{prompt}}"\n}', contentType: '' },
  };
  // Provider-shaped LLM streams: POST a JSON request like the real APIs (docs/llm-streams.md).
  const llm = (text: { name: string; notes: string }, path: string, body: string): Endpoint => ({
    ...endpoint(text, path, 'POST'),
    body: { kind: 'json', text: body, contentType: '' },
  });
  const messages = '[{ "role": "user", "content": "{{prompt}}" }]';
  const llmEndpoints = [
    llm(
      texts.openai,
      '/openai/chat',
      `{\n  "model": "demo",\n  "stream": true,\n  "messages": ${messages}\n}`,
    ),
    llm(
      texts.responses,
      '/openai/responses',
      '{\n  "model": "demo",\n  "stream": true,\n  "input": "{{prompt}}"\n}',
    ),
    llm(
      texts.anthropic,
      '/anthropic/messages',
      `{\n  "model": "demo",\n  "max_tokens": 1024,\n  "stream": true,\n  "messages": ${messages}\n}`,
    ),
    llm(
      texts.gemini,
      '/gemini',
      '{\n  "contents": [{ "role": "user", "parts": [{ "text": "{{prompt}}" }] }]\n}',
    ),
    llm(
      texts.failing,
      '/anthropic/messages?fail=midway',
      `{\n  "model": "demo",\n  "stream": true,\n  "messages": ${messages}\n}`,
    ),
  ];
  return {
    ...createWorkspace(DEMO_TEXTS[language].workspace, now, newId),
    endpoints: [
      endpoint(texts.clock, '/stream'),
      endpoint(texts.counter, '/counter'),
      chat,
      endpoint(texts.flaky, '/flaky'),
      {
        ...endpoint(texts.burst, '/burst?n=100000&size=64'),
        // One burst, then the end: reconnecting after it would send the burst again, forever.
        retry: { ...defaultRetryPolicy('GET'), reconnectOnEnd: false },
      },
      ...llmEndpoints,
    ],
    // Not a secret on purpose: the demo must work where secrets are kept for a session only.
    variables: [{ name: 'prompt', value: DEMO_TEXTS[language].prompt, secret: false }],
  };
}
