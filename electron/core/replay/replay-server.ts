import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordingFormat, ReplayItem } from './recording';
import { detectRecordingFormat, readRecording } from './recording';

export const REPLAY_SPEEDS = ['1', '2', '10', 'max'] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export interface ReplayOptions {
  /** The recording's files in order (a session's segments, or one export). */
  paths: readonly string[];
  host?: string;
  port?: number;
  speed?: ReplaySpeed;
  /** Start again from the first event after the last one. */
  loop?: boolean;
  format?: RecordingFormat;
}

export interface ReplayServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

function speedFactor(speed: ReplaySpeed): number | null {
  return speed === 'max' ? null : Number(speed);
}

/** The id in a Last-Event-ID header: UTF-8 bytes that Node hands us as Latin-1 (docs/architecture.md, "The SSE protocol"). */
function lastEventIdOf(req: IncomingMessage): string {
  const raw = req.headers['last-event-id'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? '' : Buffer.from(value, 'latin1').toString('utf8');
}

function block(item: Extract<ReplayItem, { kind: 'event' }>, sentId: string): string {
  let text = '';
  if (item.lastEventId !== sentId)
    text += item.lastEventId === '' ? 'id\n' : `id: ${item.lastEventId}\n`;
  if (item.type !== 'message') text += `event: ${item.type}\n`;
  return `${text}data: ${item.data.split('\n').join('\ndata: ')}\n\n`;
}

/**
 * Serves a recording as a live SSE endpoint (docs/sessions.md): every request gets the events
 * with their original spacing (divided by the speed), types and ids, and the original `retry:`.
 * A reconnect with Last-Event-ID resumes after the event that set that id, as an EventSource
 * server is expected to (WHATWG HTML §9.2.4, "Last-Event-ID"). Reads the file per request.
 */
export async function startReplayServer(options: ReplayOptions): Promise<ReplayServer> {
  const speed = speedFactor(options.speed ?? '1');
  const format = options.format ?? (await detectRecordingFormat(options.paths[0]!));
  const responses = new Set<ServerResponse>();

  async function stream(
    req: IncomingMessage,
    res: ServerResponse,
    signal: AbortSignal,
  ): Promise<void> {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'Access-Control-Allow-Origin': '*',
    });
    res.flushHeaders();
    const resumeId = lastEventIdOf(req);
    let skipping = resumeId !== '';
    let sentId = resumeId;
    let pass = 0;
    for (;;) {
      const started = performance.now();
      let first: number | null = null;
      let previousId = '';
      let sent = 0;
      for await (const items of readRecording(options.paths, format, signal)) {
        for (const item of items) {
          if (item.kind === 'retry') {
            if (pass === 0) res.write(`retry: ${item.ms}\n\n`);
            continue;
          }
          const setsId = item.lastEventId !== previousId;
          previousId = item.lastEventId;
          if (skipping) {
            // Resume after the event whose `id:` field set the id the client last saw.
            if (setsId && item.lastEventId === resumeId) skipping = false;
            continue;
          }
          first ??= item.offsetMs;
          if (speed !== null) {
            const wait = started + (item.offsetMs - first) / speed - performance.now();
            if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
          }
          if (signal.aborted) return;
          const ok = res.write(block(item, sentId));
          sent += 1;
          sentId = item.lastEventId;
          if (!ok) await new Promise((resolve) => res.once('drain', resolve));
        }
      }
      if (skipping) {
        // Nothing matched the client's id (an id from another recording): send it all.
        skipping = false;
        continue;
      }
      pass += 1;
      if (options.loop !== true || signal.aborted || sent === 0) break;
    }
    res.end();
  }

  const server: Server = createServer((req, res) => {
    const controller = new AbortController();
    responses.add(res);
    res.on('close', () => {
      controller.abort();
      responses.delete(res);
    });
    stream(req, res, controller.signal).catch(() => {
      if (!res.writableEnded) res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of responses) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
