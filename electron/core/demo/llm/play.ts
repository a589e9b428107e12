import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, type DemoContext } from '../demo-context';
import { formatSseMessage, type SseMessage } from '../sse-format';
import { openSseStream } from '../sse-stream';

const LLM_MAX_BODY_BYTES = 64 * 1024;

/** One step of a scripted stream: an event, or the connection cut as by a network failure. */
export type LlmStep = SseMessage | { cut: true };

/**
 * Plays a scripted LLM stream: one step per token interval, then the end of the body. Like the
 * real APIs the routes take a POST with a JSON body (whose content is not needed: the reply is
 * canned); GET works too, so a plain `eventscope watch URL` can try them.
 */
export async function playLlmStream(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: DemoContext,
  steps: readonly LlmStep[],
): Promise<void> {
  if (req.method === 'POST') {
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > LLM_MAX_BODY_BYTES) {
        sendError(
          res,
          413,
          'body_too_large',
          `the body must be at most ${LLM_MAX_BODY_BYTES} bytes`,
        );
        return;
      }
    }
  }
  const stream = openSseStream(req, res, ctx.streams);
  let index = 0;
  stream.every(ctx.timings.chatTokenMs, () => {
    const step = steps[index];
    index += 1;
    if (step === undefined) {
      stream.end();
    } else if ('cut' in step) {
      stream.drop();
    } else {
      stream.write(formatSseMessage(step));
    }
  });
}

export const json = (value: unknown): string => JSON.stringify(value);
