import { Buffer } from 'node:buffer';
import type { HeaderPair } from '../../../shared/model/connection-state';
import { ERROR_BODY_LIMIT_BYTES, type ResponseSnapshot } from './errors';

/**
 * Reading the responses that are not an event stream: their status, headers and
 * the first 64 KiB of the body are kept for the user — people debug a 401 by reading it — and
 * the body is never parsed as events (WHATWG EventSource: such a response "fails the connection").
 */

export interface BodyWatch {
  /** Called for every chunk read, so the idle timeout sees the bytes. */
  onBytes(): void;
  /** True once the attempt was abandoned: stop reading. */
  isCancelled(): boolean;
}

export async function snapshotResponse(
  response: Response,
  url: string,
  watch: BodyWatch,
): Promise<ResponseSnapshot> {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let truncated = false;
  const body = response.body;
  if (body !== null) {
    const reader = body.getReader();
    try {
      while (kept < ERROR_BODY_LIMIT_BYTES) {
        const { done, value } = await reader.read();
        if (done || watch.isCancelled()) break;
        watch.onBytes();
        const room = ERROR_BODY_LIMIT_BYTES - kept;
        if (value.byteLength > room) truncated = true;
        const part = value.byteLength > room ? value.subarray(0, room) : value;
        chunks.push(part);
        kept += part.byteLength;
      }
      if (!truncated && kept >= ERROR_BODY_LIMIT_BYTES && !watch.isCancelled()) {
        truncated = !(await reader.read()).done;
      }
    } catch {
      // A broken or stalled error body still leaves status and headers worth reporting.
    } finally {
      reader.releaseLock();
    }
  }
  return {
    url,
    status: response.status,
    statusText: response.statusText,
    headers: headerPairs(response.headers),
    // A character cut at the 64 KiB mark becomes U+FFFD; the rest decodes as sent.
    body: new TextDecoder().decode(Buffer.concat(chunks)),
    bodyTruncated: truncated,
  };
}

/** Response headers in order (fetch lower-cases names and joins repeats with ", "). */
export function headerPairs(headers: Headers): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  headers.forEach((value, name) => pairs.push({ name, value }));
  return pairs;
}

/** A body we will not read (redirect, 204): cancel it so its socket is freed. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
