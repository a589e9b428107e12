import type { Command } from 'commander';
import { defaultDataDir } from '../../core/app-info';
import { createFeedManager } from '../../core/feeds/feed-manager';
import { createSessionService } from '../../core/sessions/session-service';
import { join } from 'node:path';

interface SessionsFlags {
  workspace?: string;
  endpoint?: string;
  dataDir?: string;
  json?: boolean;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s % 60).padStart(2, '0')}s`;
}

/** `eventscope sessions [--workspace W --endpoint E]`: the recordings on disk (docs/sessions.md). */
export function registerSessionsCommand(program: Command): Command {
  return program
    .command('sessions')
    .description('List recorded sessions (session logs): start, duration, events, size, ending.')
    .option('--workspace <name>', 'only sessions of this workspace')
    .option('--endpoint <name>', 'only sessions of this endpoint')
    .option('--data-dir <dir>', 'the app’s data directory (default: the usual one)')
    .option('--json', 'one JSON line per session instead of a table')
    .action(async (flags: SessionsFlags) => {
      const logsDir = join(flags.dataDir ?? defaultDataDir(), 'logs');
      // A feed manager with no feeds: the list only asks it which logs are being written.
      const feeds = createFeedManager({ logsDir });
      const service = createSessionService({ logsDir, feeds });
      const sessions = await service.list({
        ...(flags.workspace !== undefined ? { workspace: flags.workspace } : {}),
        ...(flags.endpoint !== undefined ? { endpoint: flags.endpoint } : {}),
      });
      await feeds.dispose();
      // The oldest segment still on disk: what `eventscope export` and `replay` take.
      const files = new Map<string, string>();
      for (const s of sessions) {
        const found = await service.files(s.id).catch(() => null);
        files.set(s.id, found?.segments[0]?.path ?? join(logsDir, `${s.id}.ndjson`));
      }
      if (flags.json) {
        for (const s of sessions) {
          process.stdout.write(`${JSON.stringify({ ...s, file: files.get(s.id) })}\n`);
        }
        return;
      }
      if (sessions.length === 0) {
        process.stdout.write(`No recorded sessions in ${logsDir}\n`);
        return;
      }
      for (const s of sessions) {
        const events = s.events === null ? '?' : String(s.events);
        const trimmed = s.trimmed ? ' (oldest part removed by retention)' : '';
        process.stdout.write(
          `${new Date(s.startedAt).toISOString()}  ${duration(s.endedAt - s.startedAt).padStart(7)}  ` +
            `${events.padStart(8)} events  ${size(s.sizeBytes).padStart(10)}  ${s.ending.padEnd(11)}  ` +
            `${s.workspace} / ${s.name}${trimmed}\n    ${files.get(s.id)}\n`,
        );
      }
    });
}
