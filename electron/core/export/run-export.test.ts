import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { FeedEventEntry } from '../../../shared/api/frames';
import type { ParsedEvent } from '../sse/parser';
import { createSseParser } from '../sse/parser';
import {
  AWKWARD_DATA,
  sampleEntries,
  tempDir,
  writeSessionLog,
} from '../../../tests/support/sessions/fixture-log';
import { EXPORT_FORMATS } from './formats';
import type { ExportFormat } from './formats';
import { ExportCancelledError, runExport } from './run-export';

const START = Date.UTC(2026, 0, 2, 3, 4, 5);

async function exportSample(
  format: ExportFormat,
  extra: Partial<Parameters<typeof runExport>[0]> = {},
) {
  const logs = tempDir();
  const entries = sampleEntries(START);
  const path = await writeSessionLog(logs, entries);
  const out = join(tempDir(), `out.${format}`);
  const summary = await runExport({
    sources: [{ paths: [path], trimmed: false }],
    format,
    destination: out,
    ...extra,
  });
  const events = entries.filter((e): e is FeedEventEntry => e.kind === 'event');
  return { out, summary, events, text: readFileSync(out, 'utf8') };
}

describe('exporting a session log', () => {
  it('writes JSONL that reads back line by line as the watch record shape, ids always strings', async () => {
    const { text, events } = await exportSample('jsonl');
    const records = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual(
      events.map((e) => ({
        kind: 'event',
        seq: e.seq,
        type: e.type,
        data: e.data,
        lastEventId: e.lastEventId,
        receivedAt: new Date(e.at).toISOString(),
        attempt: 1,
      })),
    );
    expect(records.every((r) => typeof r.lastEventId === 'string')).toBe(true);
  });

  it('adds state-change records to JSONL only when asked', async () => {
    const { text } = await exportSample('jsonl', { includeTimeline: true });
    const kinds = text
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { kind: string }).kind);
    expect(kinds.slice(0, 3)).toEqual(['session', 'status', 'retry']);
  });

  it('writes RFC 4180 CSV that a real CSV parser reads back with newlines, quotes and commas intact', async () => {
    const { text, events } = await exportSample('csv', { csvBom: true });
    expect(text.startsWith('\ufeffseq,kind,type,data,lastEventId,receivedAt,attempt\r\n')).toBe(
      true,
    );
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.data)).toEqual(AWKWARD_DATA);
    expect(rows.map((r) => r.lastEventId)).toEqual(events.map((e) => e.lastEventId));
    expect(rows.map((r) => r.type)).toEqual(events.map((e) => e.type));
  });

  it('writes JSON as one array', async () => {
    const { text, events } = await exportSample('json');
    const array = JSON.parse(text) as Array<{ data: string }>;
    expect(array.map((r) => r.data)).toEqual(events.map((e) => e.data));
  });

  it('writes an SSE transcript that parses back to the same events, types and ids, with arrival times', async () => {
    const { text, events } = await exportSample('sse');
    const parsed: ParsedEvent[] = [];
    const offsets: number[] = [];
    let retry = 0;
    const parser = createSseParser({
      onEvent: (event) => parsed.push(event),
      onComment: (comment) => {
        const match = /^ \+(\d+)ms$/.exec(comment);
        if (match) offsets.push(Number(match[1]));
      },
      onRetry: (ms) => (retry = ms),
    });
    parser.feed(Buffer.from(text));
    expect(parsed).toEqual(
      events.map((e) => ({ type: e.type, data: e.data, lastEventId: e.lastEventId })),
    );
    expect(offsets).toEqual(events.map((e) => e.at - events[0]!.at));
    expect(retry).toBe(2500);
  });

  it('writes a self-contained HTML report with the request and escaped data', async () => {
    const { text } = await exportSample('html');
    expect(text).toMatch(/^<!doctype html>/);
    expect(text).toContain('GET http://127.0.0.1:1/counter');
    expect(text).toContain('<td class="data">with "quotes"</td>');
    expect(text).not.toMatch(/<script|src=|href=/);
  });

  it('keeps only what the filter and the selection keep', async () => {
    const filtered = await exportSample('jsonl', { filter: (e) => e.data.includes('e') });
    expect(filtered.text.trimEnd().split('\n')).toHaveLength(
      filtered.events.filter((e) => e.data.includes('e')).length,
    );
    const selected = await exportSample('jsonl', { seqs: new Set([3, 5]) });
    expect(
      selected.text
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { seq: number }).seq),
    ).toEqual([3, 5]);
  });

  it.each(EXPORT_FORMATS)(
    'gives the same %s from a log of event run lines as from one written an object per event',
    async (format) => {
      const entries = sampleEntries(START, 500);
      const runs = await writeSessionLog(tempDir(), entries);
      const objects = await writeSessionLog(tempDir(), entries, { eventRuns: false });
      expect(readFileSync(runs, 'utf8')).toContain('"kind":"events"');
      expect(readFileSync(objects, 'utf8')).not.toContain('"kind":"events"');
      const out = tempDir();
      const exported = async (path: string, name: string) => {
        const summary = await runExport({
          sources: [{ paths: [path], trimmed: false }],
          format,
          destination: join(out, name),
          includeTimeline: true,
        });
        return { records: summary.records, text: readFileSync(join(out, name), 'utf8') };
      };
      expect(await exported(runs, 'runs')).toEqual(await exported(objects, 'objects'));
    },
  );

  it.each(EXPORT_FORMATS)('leaves no file behind when cancelled (%s)', async (format) => {
    const logs = tempDir();
    const path = await writeSessionLog(logs, sampleEntries(START, 20_000));
    const dir = tempDir();
    const controller = new AbortController();
    const run = runExport({
      sources: [{ paths: [path], trimmed: false }],
      format,
      destination: join(dir, 'out'),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says what happened when the destination cannot be written, and creates nothing', async () => {
    const logs = tempDir();
    const path = await writeSessionLog(logs, sampleEntries(START));
    const missing = join(tempDir(), 'no-such-folder', 'out.csv');
    await expect(
      runExport({
        sources: [{ paths: [path], trimmed: false }],
        format: 'csv',
        destination: missing,
      }),
    ).rejects.toThrow(/ENOENT/);
    expect(existsSync(missing)).toBe(false);
  });

  it('removes its temporary file when the finished file cannot be put in place', async () => {
    const logs = tempDir();
    const path = await writeSessionLog(logs, sampleEntries(START, 5_000));
    const dir = tempDir();
    // A folder where the file should go: the final rename fails (EISDIR / ENOTEMPTY).
    mkdirSync(join(dir, 'out.jsonl', 'keep'), { recursive: true });
    await expect(
      runExport({
        sources: [{ paths: [path], trimmed: false }],
        format: 'jsonl',
        destination: join(dir, 'out.jsonl'),
      }),
    ).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
    expect(readdirSync(join(dir, 'out.jsonl'))).toEqual(['keep']);
  });
});
