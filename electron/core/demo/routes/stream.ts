import { formatSseMessage } from '../sse-format';
import { openSseStream } from '../sse-stream';
import type { DemoRoute } from '../demo-context';

/** The classic SSE demo: how long a client waits before reconnecting, as in the classic demo. */
export const CLASSIC_RETRY_MS = 10_000;

/**
 * `/stream`: the classic demo. A `retry: 10000` line and an `event: connecttime` event with the
 * time of connecting, then one unnamed `data:` event with the current date every tick.
 */
export const streamRoute: DemoRoute = (req, res, _url, ctx) => {
  const stream = openSseStream(req, res, ctx.streams);
  stream.write(`retry: ${CLASSIC_RETRY_MS}\n`);
  stream.write(formatSseMessage({ event: 'connecttime', data: new Date().toISOString() }));
  stream.every(ctx.timings.tickMs, () => {
    stream.write(formatSseMessage({ data: new Date().toISOString() }));
  });
};
