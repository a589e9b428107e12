import { formatSseMessage } from '../sse-format';
import { openSseStream, resumeAfter } from '../sse-stream';
import type { DemoRoute } from '../demo-context';

/**
 * `/flaky`: like `/counter`, but after every few events it writes half an event and cuts the
 * socket, the way a mobile network or a restarting proxy does. A correct client discards the
 * half event (WHATWG HTML §9.2.5: an unterminated block is not dispatched), reconnects with
 * `Last-Event-ID`, and sees every number exactly once.
 */
export const flakyRoute: DemoRoute = (req, res, url, ctx) => {
  const stream = openSseStream(req, res, ctx.streams);
  let next = resumeAfter(req, url.searchParams) + 1;
  let sent = 0;
  stream.write(`retry: ${ctx.timings.reconnectMs}\n\n`);
  stream.every(ctx.timings.tickMs, () => {
    if (sent >= ctx.timings.flakyDropEvery) {
      stream.drop(`id: ${next}\ndata: this event is cut off mid-way`);
      return;
    }
    stream.write(formatSseMessage({ id: String(next), data: String(next) }));
    next += 1;
    sent += 1;
  });
};
