import type { DemoRoute } from '../demo-context';

export interface DemoRouteInfo {
  path: string;
  method: 'GET' | 'POST';
  summary: string;
}

/** What the demo serves; shown on `/` and by `eventscope demo-server` on start. */
export const DEMO_ROUTES: readonly DemoRouteInfo[] = [
  {
    path: '/stream',
    method: 'GET',
    summary: 'the classic demo: retry: 10000, an event "connecttime", then the date every second',
  },
  {
    path: '/counter',
    method: 'GET',
    summary: 'numbered events with ids; resumes after Last-Event-ID (?limit=N ends after N)',
  },
  {
    path: '/chat',
    method: 'POST',
    summary: 'send {"prompt":"…"}; streams LLM-style token chunks, then data: [DONE]',
  },
  {
    path: '/flaky',
    method: 'GET',
    summary: 'numbered events; drops the connection every few events (resume with Last-Event-ID)',
  },
  {
    path: '/burst?n=1000&size=64',
    method: 'GET',
    summary: 'n events of size bytes as fast as the socket takes them, then the end',
  },
  {
    path: '/openai/chat',
    method: 'POST',
    summary:
      'an OpenAI Chat Completions stream: reasoning, text, a tool call, usage, [DONE] (?fail=midway cuts it off)',
  },
  {
    path: '/openai/responses',
    method: 'POST',
    summary:
      'an OpenAI Responses stream with sequence numbers (?fail=midway ends in response.failed)',
  },
  {
    path: '/anthropic/messages',
    method: 'POST',
    summary:
      'an Anthropic Messages stream: thinking, text, tool_use, usage (?fail=midway sends an error event)',
  },
  {
    path: '/gemini',
    method: 'POST',
    summary:
      'a Gemini streamGenerateContent?alt=sse stream (?fail=midway ends without finishReason)',
  },
];

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderIndexPage(): string {
  const rows = DEMO_ROUTES.map(
    (r) =>
      `<li><code>${r.method}</code> <a href="${escapeHtml(r.path)}">${escapeHtml(r.path)}</a>` +
      ` — ${escapeHtml(r.summary)}</li>`,
  ).join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Eventscope demo server</title></head>
  <body>
    <h1>Eventscope demo server</h1>
    <p>Server-Sent Events endpoints to try with Eventscope, <code>eventscope watch</code>,
    curl or a browser's EventSource. CORS is open to every origin.</p>
    <ul>
      ${rows}
    </ul>
  </body>
</html>
`;
}

export const indexRoute: DemoRoute = (_req, res) => {
  const html = renderIndexPage();
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
  });
  res.end(html);
};
