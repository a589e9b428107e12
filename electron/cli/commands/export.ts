import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { parseFilter } from '../../../shared/filter';
import { streamTarget } from '../../core/export/export-file';
import { EXPORT_FORMATS } from '../../core/export/formats';
import type { ExportFormat } from '../../core/export/formats';
import { runExport } from '../../core/export/run-export';
import { parseSegmentName } from '../../core/feeds/session-log';

const EXIT_USAGE = 2;

interface ExportFlags {
  format: ExportFormat;
  out?: string;
  filter?: string;
  includeTimeline?: boolean;
  bom?: boolean;
}

/**
 * The files of the session `file` belongs to: given any segment of a session log, all of its
 * segments still on disk in order; any other file alone.
 */
export function sessionSegments(file: string): { paths: string[]; trimmed: boolean } {
  const parsed = parseSegmentName(basename(file));
  if (!parsed) return { paths: [file], trimmed: false };
  const dir = dirname(file);
  const segments = readdirSync(dir)
    .map((name) => ({ name, seg: parseSegmentName(name) }))
    .filter(({ seg }) => seg?.session === parsed.session)
    .sort((a, b) => a.seg!.index - b.seg!.index);
  return {
    paths: segments.map(({ name }) => join(dir, name)),
    trimmed: (segments[0]?.seg?.index ?? 1) > 1,
  };
}

/** `eventscope export LOGFILE --format F [--out FILE] [--filter EXPR]` (docs/sessions.md). */
export function registerExportCommand(program: Command): Command {
  return program
    .command('export')
    .description('Export a recorded session log as JSONL, CSV, JSON, an SSE transcript or HTML.')
    .argument('<logfile>', 'a session log (.ndjson; its other segments are found beside it)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write here (complete or not at all) instead of stdout')
    .option('--filter <expr>', "only events the feed pane's filter EXPR matches")
    .option('--include-timeline', 'also state changes, retries and comments (jsonl, json, csv)')
    .option('--bom', 'csv: start with a UTF-8 BOM for spreadsheet programs')
    .exitOverride()
    .action(async (logfile: string, flags: ExportFlags, cmd: Command) => {
      let filter:
        ((event: { type: string; data: string; lastEventId: string }) => boolean) | undefined;
      if (flags.filter !== undefined) {
        const parsed = parseFilter(flags.filter);
        if (!parsed.ok) {
          cmd.error(
            `error: --filter: ${parsed.error.message} (at character ${parsed.error.start + 1})`,
            {
              exitCode: EXIT_USAGE,
              code: 'eventscope.usage',
            },
          );
        }
        const compiled = parsed.filter;
        filter = (event) => compiled.matches(event);
      }
      const source = sessionSegments(logfile);
      if (source.trimmed) {
        process.stderr.write(
          'eventscope: the oldest part of this session was removed by log retention; exporting what remains\n',
        );
      }
      const summary = await runExport({
        sources: [source],
        format: flags.format,
        destination: flags.out ?? '-',
        ...(flags.out === undefined ? { target: streamTarget(process.stdout) } : {}),
        ...(filter ? { filter } : {}),
        includeTimeline: flags.includeTimeline === true,
        csvBom: flags.bom === true,
      });
      if (flags.out !== undefined) {
        process.stderr.write(`eventscope: ${summary.records} records written to ${flags.out}\n`);
      }
    });
}
