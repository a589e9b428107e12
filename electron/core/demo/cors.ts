import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Permissive CORS like the classic public SSE demos, so the demo server can be read from any
 * page (the renderer in web mode, a plain EventSource in a browser console). Preflight must allow
 * the headers a watcher really sends: `Authorization` for bearer tokens, `Content-Type` for JSON
 * bodies and `Last-Event-ID` on reconnect.
 */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Last-Event-ID',
  'Cache-Control',
  'Accept',
];
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'OPTIONS'];
const CORS_MAX_AGE_SECONDS = 600;

export function applyCorsHeaders(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
}

/** Answers a preflight request; returns true when the request was one. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS.join(', '),
    'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
    'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
  });
  res.end();
  return true;
}
