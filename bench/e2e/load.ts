import type { Child } from './children';
import { forkTsChild } from './children';
import type { StreamFinishedMessage, StreamRefusedMessage } from './messages';

export interface LoadStream {
  streamId: string;
  url: string;
}

export interface LoadServer extends Child {
  /** The URL of a new stream: `rate` events/s of `size` bytes for `seconds`. */
  stream(streamId: string, rate: number, size: number, seconds: number): LoadStream;
  /** Resolves when every stream has stopped writing; rejects after `timeoutMs`. */
  finished(streamIds: readonly string[], timeoutMs: number): Promise<StreamFinishedMessage[]>;
  /** Streams that were requested twice (a client reconnect) since the start. */
  readonly refused: readonly StreamRefusedMessage[];
}

/** Starts load-server.ts in its own process and follows its streams over IPC. */
export async function startLoadServer(): Promise<LoadServer> {
  const done = new Map<string, StreamFinishedMessage>();
  const refused: StreamRefusedMessage[] = [];
  const waiters = new Set<() => void>();
  const child = await forkTsChild('load-server.ts', (message) => {
    if (message.type === 'stream-finished') done.set(message.streamId, message);
    if (message.type === 'stream-refused') refused.push(message);
    for (const wake of waiters) wake();
  });
  const base = `http://127.0.0.1:${child.port}`;

  return {
    ...child,
    refused,
    stream(streamId, rate, size, seconds) {
      const query = new URLSearchParams({
        id: streamId,
        rate: String(rate),
        size: String(size),
        seconds: String(seconds),
      });
      return { streamId, url: `${base}/stream?${query}` };
    },
    finished(streamIds, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!streamIds.every((id) => done.has(id))) return;
          cleanup();
          resolve(streamIds.map((id) => done.get(id)!));
        };
        const timer = setTimeout(() => {
          cleanup();
          const missing = streamIds.filter((id) => !done.has(id));
          reject(new Error(`load server: streams ${missing.join(', ')} never finished`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
