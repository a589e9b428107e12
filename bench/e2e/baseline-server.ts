import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { FeedEventEntry, FeedFrame } from '../../shared/api/frames';
import { baselineEntry } from '../baseline-entry';
import type { LoadServerMessage } from './messages';

/**
 * The "bare pipeline" of bench:e2e (docs/performance.md), the baseline the app is compared with: fetch →
 * eventsource-parser → one JSON frame per feed every FLUSH_MS over a `ws` WebSocket → a bare
 * page (baseline/index.html, no Vue) with a plain ring buffer rendering 40 rows per animation
 * frame. Deliberately minimal: no session log, no validation, no bounded queue, no backpressure
 * towards the page. Entries have the app's shape, so both send the same JSON per event.
 */
const FLUSH_MS = 16;
const PAGE_DIR = join(__dirname, 'baseline');
const STATIC: Record<string, { type: string; body: Buffer }> = {
  '/': { type: 'text/html; charset=utf-8', body: readFileSync(join(PAGE_DIR, 'index.html')) },
  '/page.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(join(PAGE_DIR, 'page.js')),
  },
};

interface PageCommand {
  type: 'command';
  id: number;
  method: 'openFeed' | 'closeFeed';
  request: { url?: string; feedId?: string };
}

interface BareFeed {
  feedId: string;
  abort: AbortController;
  pending: FeedEventEntry[];
  nextSeq: number;
}

function serve(ws: WebSocket): void {
  const feeds = new Map<string, BareFeed>();
  let nextFeed = 1;
  const reply = (id: number, value: unknown) =>
    ws.send(JSON.stringify({ type: 'result', id, result: { ok: true, value } }));

  const flush = setInterval(() => {
    for (const feed of feeds.values()) {
      if (feed.pending.length === 0) continue;
      const frame: FeedFrame = {
        feedId: feed.feedId,
        firstSeq: feed.pending[0]!.seq,
        entries: feed.pending,
        dropped: 0,
      };
      feed.pending = [];
      ws.send(JSON.stringify({ type: 'frame', frame }));
    }
  }, FLUSH_MS);

  async function pump(feed: BareFeed, url: string): Promise<void> {
    const parser = createParser({
      onEvent: (event) => {
        feed.pending.push(baselineEntry(feed.nextSeq++, event));
      },
    });
    const response = await fetch(url, { signal: feed.abort.signal });
    if (!response.body) return;
    const decoder = new TextDecoder();
    for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
  }

  ws.on('message', (data) => {
    const command = JSON.parse(data.toString()) as PageCommand;
    if (command.method === 'openFeed' && command.request.url) {
      const feed: BareFeed = {
        feedId: `bare-${nextFeed++}`,
        abort: new AbortController(),
        pending: [],
        nextSeq: 1,
      };
      feeds.set(feed.feedId, feed);
      pump(feed, command.request.url).catch((error: unknown) => {
        if (!feed.abort.signal.aborted) console.error(`baseline: feed ${feed.feedId}:`, error);
      });
      reply(command.id, { feedId: feed.feedId });
    } else if (command.method === 'closeFeed' && command.request.feedId) {
      feeds.get(command.request.feedId)?.abort.abort();
      feeds.delete(command.request.feedId);
      reply(command.id, null);
    }
  });
  ws.on('close', () => {
    clearInterval(flush);
    for (const feed of feeds.values()) feed.abort.abort();
    feeds.clear();
  });
}

const wss = new WebSocketServer({ noServer: true });
const server = createServer((req, res) => {
  const file = STATIC[new URL(req.url ?? '/', 'http://bare').pathname];
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' }).end(file.body);
});
server.on('upgrade', (req, socket, head) => {
  if (new URL(req.url ?? '/', 'http://bare').pathname !== '/ws') {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, serve);
});
server.listen(0, '127.0.0.1', () => {
  const ready: LoadServerMessage = { type: 'ready', port: (server.address() as AddressInfo).port };
  process.send?.(ready);
});
process.on('disconnect', () => process.exit(0));
// A clean exit on SIGTERM lets --cpu-prof (BENCH_PROFILE=1) write its profile.
process.on('SIGTERM', () => process.exit(0));
