import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerPreflight, applyCorsHeaders } from './cors';
import {
  DEMO_CHAT_TOKEN_MS,
  DEMO_FLAKY_DROP_EVERY,
  DEMO_RECONNECT_MS,
  DEMO_TICK_MS,
  sendError,
  type DemoContext,
  type DemoRoute,
  type DemoTimings,
} from './demo-context';
import type { StreamRegistry } from './sse-stream';
import { burstRoute } from './routes/burst';
import { chatRoute } from './routes/chat';
import { counterRoute } from './routes/counter';
import { flakyRoute } from './routes/flaky';
import { indexRoute } from './routes/index-page';
import { streamRoute } from './routes/stream';
import { anthropicRoute } from './llm/anthropic';
import { geminiRoute } from './llm/gemini';
import { openAiChatRoute } from './llm/openai-chat';
import { openAiResponsesRoute } from './llm/openai-responses';

export const DEFAULT_DEMO_PORT = 8844;
/**
 * After close() has ended every stream, sockets still busy (a client not reading a burst) are
 * destroyed after this grace period, so close() always settles.
 */
const CLOSE_GRACE_MS = 250;

export interface DemoServerOptions extends Partial<DemoTimings> {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default: the demo is for this machine, not the network. */
  host?: string;
  /**
   * Permissive CORS like the classic demo (default), so browser pages can try it. The app's
   * built-in instance turns it off: it runs inside the app, and no web page the user visits
   * should be able to drive it.
   */
  cors?: boolean;
}

export interface DemoServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8844`. */
  url: string;
  port: number;
  /** Ends every open stream, clears every timer and closes the listening socket. */
  close(): Promise<void>;
}

interface RouteEntry {
  methods: readonly string[];
  handle: DemoRoute;
}

const ROUTES: Record<string, RouteEntry> = {
  '/': { methods: ['GET', 'HEAD'], handle: indexRoute },
  '/stream': { methods: ['GET'], handle: streamRoute },
  '/counter': { methods: ['GET'], handle: counterRoute },
  '/flaky': { methods: ['GET'], handle: flakyRoute },
  '/burst': { methods: ['GET'], handle: burstRoute },
  // /chat checks its own method so it can explain what to POST.
  '/chat': { methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], handle: chatRoute },
  // Provider-shaped LLM streams (docs/llm-streams.md); POST like the real APIs, GET to try them.
  '/openai/chat': { methods: ['POST', 'GET'], handle: openAiChatRoute },
  '/openai/responses': { methods: ['POST', 'GET'], handle: openAiResponsesRoute },
  '/anthropic/messages': { methods: ['POST', 'GET'], handle: anthropicRoute },
  '/gemini': { methods: ['POST', 'GET'], handle: geminiRoute },
};

async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: DemoContext,
  cors: boolean,
) {
  if (cors) {
    applyCorsHeaders(res);
    if (answerPreflight(req, res)) return;
  }
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  const route = ROUTES[url.pathname];
  if (route === undefined) {
    sendError(res, 404, 'not_found', `no route ${url.pathname}; see / for the list`);
    return;
  }
  if (!route.methods.includes(req.method ?? 'GET')) {
    sendError(res, 405, 'method_not_allowed', `${url.pathname} accepts ${route.methods[0]}`, {
      Allow: [...route.methods, 'OPTIONS'].join(', '),
    });
    return;
  }
  await route.handle(req, res, url, ctx);
}

/** Starts the demo SSE server; resolves once it is listening. */
export async function createDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const streams: StreamRegistry = new Set();
  const ctx: DemoContext = {
    streams,
    timings: {
      tickMs: options.tickMs ?? DEMO_TICK_MS,
      chatTokenMs: options.chatTokenMs ?? DEMO_CHAT_TOKEN_MS,
      flakyDropEvery: options.flakyDropEvery ?? DEMO_FLAKY_DROP_EVERY,
      reconnectMs: options.reconnectMs ?? DEMO_RECONNECT_MS,
    },
  };
  const server = createServer((req, res) => {
    dispatch(req, res, ctx, options.cors ?? true).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendError(res, 500, 'internal', message);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      for (const stream of [...streams]) stream.end();
      const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.close(() => {
        clearTimeout(grace);
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };

  return { url: `http://${hostForUrl}:${address.port}`, port: address.port, close };
}
