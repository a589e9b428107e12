import { createParser } from 'eventsource-parser';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { defaultRetryPolicy } from '../shared/model/retry-policy';
import { createSseConnection } from '../electron/core/sse/connection';
import { createSseParser } from '../electron/core/sse/parser';

/** What a client saw: events, and the total length of their data (read, so it is really there). */
export interface Tally {
  events: number;
  chars: number;
  bytes: number;
}

export type Client = (url: string) => Promise<Tally>;

async function open(url: string): Promise<ReadableStream<Uint8Array>> {
  const res = await fetch(url, { headers: { Accept: 'text/event-stream' } });
  if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
  return res.body;
}

/** The ceiling: read every byte of the body, parse nothing. */
export const rawFetch: Client = async (url) => {
  const reader = (await open(url)).getReader();
  const tally: Tally = { events: 0, chars: 0, bytes: 0 };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return tally;
    tally.bytes += value.length;
  }
};

/** Reference point from the issue: fetch + TextDecoder, no parsing at all. */
export const fetchTextDecoder: Client = async (url) => {
  const reader = (await open(url)).getReader();
  const decoder = new TextDecoder();
  const tally: Tally = { events: 0, chars: 0, bytes: 0 };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return tally;
    tally.bytes += value.length;
    tally.chars += decoder.decode(value, { stream: true }).length;
  }
};

/** eventsource-parser as its README shows it: TextDecoderStream → EventSourceParserStream. */
export const eventsourceParserStream: Client = async (url) => {
  const events = (await open(url))
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream());
  const tally: Tally = { events: 0, chars: 0, bytes: 0 };
  for await (const event of events) {
    tally.events++;
    tally.chars += event.data.length;
  }
  return tally;
};

/** eventsource-parser's fastest shape: createParser fed from a reader with one TextDecoder. */
export const eventsourceParserFeed: Client = async (url) => {
  const reader = (await open(url)).getReader();
  const tally: Tally = { events: 0, chars: 0, bytes: 0 };
  const parser = createParser({
    onEvent: (event) => {
      tally.events++;
      tally.chars += event.data.length;
    },
  });
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return tally;
    tally.bytes += value.length;
    parser.feed(decoder.decode(value, { stream: true }));
  }
};

/** fetch + our parser alone (what the engine costs without the connection around it). */
export const ourParser: Client = async (url) => {
  const reader = (await open(url)).getReader();
  const tally: Tally = { events: 0, chars: 0, bytes: 0 };
  const parser = createSseParser({
    onEvent: (event) => {
      tally.events++;
      tally.chars += event.data.length;
    },
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      parser.end();
      return tally;
    }
    tally.bytes += value.length;
    parser.feed(value);
  }
};

/** Our engine: the full connection (state machine, timers, Last-Event-ID) over one response. */
export const ourEngine: Client = async (url) => {
  const tally: Tally = { events: 0, chars: 0, bytes: 0 };
  const connection = createSseConnection(
    {
      request: { url, method: 'GET', headers: [] },
      retry: { ...defaultRetryPolicy('GET'), enabled: false },
      maxEventBytes: 128 * 1024 * 1024,
    },
    {
      onEvent: (event) => {
        tally.events++;
        tally.chars += event.data.length;
      },
      onState: () => undefined,
    },
  );
  connection.start();
  const final = await connection.done;
  if (final.type !== 'closed') throw new Error(`${url}: connection ${final.type}`);
  return tally;
};
