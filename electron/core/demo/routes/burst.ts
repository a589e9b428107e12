import { openSseStream } from '../sse-stream';
import { sendError, type DemoRoute } from '../demo-context';

export const BURST_DEFAULT_COUNT = 1000;
export const BURST_DEFAULT_SIZE_BYTES = 64;
export const BURST_MAX_COUNT = 10_000_000;
export const BURST_MAX_SIZE_BYTES = 16 * 1024 * 1024;
/** Events are coalesced into writes of about this size: one write per tiny event is slow. */
const BURST_CHUNK_BYTES = 64 * 1024;

function readCount(url: URL, name: string, fallback: number, max: number): number | string {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value > max) {
    return `\`${name}\` must be a whole number from 0 to ${max}`;
  }
  return value;
}

/** A payload of exactly `size` ASCII bytes with no line breaks. */
export function burstPayload(size: number): string {
  const pattern = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size);
}

/**
 * `/burst?n=&size=`: n events whose data is `size` bytes, written as fast as the socket takes
 * them and then the end of the body. It honours backpressure (write() returning false → wait for
 * 'drain'), so a slow client slows the server instead of growing its memory.
 */
export const burstRoute: DemoRoute = async (req, res, url, ctx) => {
  const count = readCount(url, 'n', BURST_DEFAULT_COUNT, BURST_MAX_COUNT);
  const size = readCount(url, 'size', BURST_DEFAULT_SIZE_BYTES, BURST_MAX_SIZE_BYTES);
  if (typeof count === 'string' || typeof size === 'string') {
    sendError(res, 400, 'bad_query', [count, size].filter((v) => typeof v === 'string').join('; '));
    return;
  }
  const stream = openSseStream(req, res, ctx.streams);
  const payload = burstPayload(size);
  let chunk = '';
  for (let i = 1; i <= count && !stream.closed; i += 1) {
    chunk += `id: ${i}\ndata: ${payload}\n\n`;
    if (chunk.length >= BURST_CHUNK_BYTES || i === count) {
      const accepted = stream.write(chunk);
      chunk = '';
      if (!accepted) await stream.drained();
    }
  }
  stream.end();
};
