import { formatSseMessage } from '../sse-format';
import { openSseStream, resumeAfter } from '../sse-stream';
import { sendError, type DemoRoute } from '../demo-context';

/**
 * `/counter`: events numbered 1, 2, 3 … with `id:` = the number, so a reconnecting client that
 * sends `Last-Event-ID: 7` carries on at 8. `?limit=N` ends the body after N events on this
 * connection (to try end-of-stream handling and reconnects).
 */
export const counterRoute: DemoRoute = (req, res, url, ctx) => {
  const limitParam = url.searchParams.get('limit');
  const limit = limitParam === null ? null : Number(limitParam);
  if (limit !== null && (!Number.isInteger(limit) || limit < 1)) {
    sendError(res, 400, 'bad_limit', '`limit` must be a positive integer');
    return;
  }
  const stream = openSseStream(req, res, ctx.streams);
  let next = resumeAfter(req, url.searchParams) + 1;
  let sent = 0;
  stream.write(`retry: ${ctx.timings.reconnectMs}\n\n`);
  stream.every(ctx.timings.tickMs, () => {
    stream.write(formatSseMessage({ id: String(next), data: String(next) }));
    next += 1;
    sent += 1;
    if (limit !== null && sent >= limit) stream.end();
  });
};
