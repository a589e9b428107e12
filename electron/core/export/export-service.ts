import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  ExportProgress,
  ExportResult,
  ExportStartRequest,
} from '../../../shared/api/sessions';
import { ExportStartRequestSchema } from '../../../shared/api/sessions';
import { parseFilter } from '../../../shared/filter';
import type { FeedSink } from '../feeds/feed-manager';
import { safeName } from '../feeds/session-log';
import type { SessionFiles } from '../sessions/session-files';
import type { SessionService } from '../sessions/session-service';
import type { DownloadRegistry } from './downloads';
import { temporaryPathFor } from './export-file';
import { EXPORT_EXTENSIONS, EXPORT_MIME_TYPES } from './formats';
import type { ExportJob, ExportSource } from './run-export';
import { ExportCancelledError, runExport } from './run-export';
import { CommandError, type ErrorReason } from '../../../shared/result';

/**
 * Electron's save dialog, opened on the Node side (docs/architecture.md, "Persistence and secrets"): the chosen path, or null when
 * the user cancelled. Implemented in electron/main; absent in web mode (a download instead).
 */
export type ChooseExportPath = (suggestedName: string, format: string) => Promise<string | null>;

export interface ExportServiceOptions {
  sessions: SessionService;
  chooseExportPath?: ChooseExportPath;
  /** Web mode: finished exports wait here for their one-shot download. */
  downloads?: DownloadRegistry;
  /** Where web-mode exports are written before they are downloaded. */
  scratchDir: string;
  /** Where a web-mode download URL starts, relative to the app page (`downloads/<id>`). */
  downloadPath?: (id: string) => string;
}

export interface ExportService {
  start(request: ExportStartRequest, caller: FeedSink): Promise<ExportResult>;
  cancel(exportId: string): boolean;
  dispose(): void;
}

/** A refused export: its English message for logs, a reason the page words (shared/result.ts). */
export class ExportError extends CommandError {
  override name = 'ExportError';
  constructor(message: string, reason: ErrorReason) {
    super('internal', message, { reason });
  }
}

function sourcesOf(sessions: readonly SessionFiles[]): ExportSource[] {
  return sessions.map((s) => ({
    paths: s.segments.map((segment) => segment.path),
    trimmed: s.segments[0]!.index > 1,
  }));
}

function stamp(): string {
  return new Date().toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
}

/**
 * Export… (docs/sessions.md): resolves the scope to session logs, asks where to save (Electron)
 * or prepares a download (web mode), streams the export with progress notifications to the page
 * that asked, and can be cancelled.
 */
export function createExportService(options: ExportServiceOptions): ExportService {
  const running = new Map<string, AbortController>();

  async function resolve(
    request: ReturnType<typeof ExportStartRequestSchema.parse>,
    caller: FeedSink,
  ): Promise<{ sessions: SessionFiles[]; name: string; job: Partial<ExportJob> }> {
    const scope = request.scope;
    const ofFeed = async (feedId: string): Promise<SessionFiles> => {
      const id = await options.sessions.sessionOfFeed(caller, feedId);
      if (id === null)
        throw new ExportError('This feed has no session log to export.', 'export-no-log');
      return options.sessions.files(id);
    };
    switch (scope.type) {
      case 'view': {
        const session = await ofFeed(scope.feedId);
        const parsed = parseFilter(scope.filterText);
        if (!parsed.ok)
          throw new ExportError(
            `The filter is not valid: ${parsed.error.message}`,
            'export-filter-invalid',
          );
        const filter = parsed.filter;
        return {
          sessions: [session],
          name: session.endpointFolder,
          job: filter.isEmpty ? {} : { filter: (event) => filter.matches(event) },
        };
      }
      case 'selection': {
        const session = await ofFeed(scope.feedId);
        return {
          sessions: [session],
          name: session.endpointFolder,
          job: { seqs: new Set(scope.seqs) },
        };
      }
      case 'feed-session': {
        const session = await ofFeed(scope.feedId);
        return { sessions: [session], name: session.endpointFolder, job: {} };
      }
      case 'session': {
        const session = await options.sessions.files(scope.id);
        return { sessions: [session], name: session.endpointFolder, job: {} };
      }
      case 'endpoint': {
        const sessions = await options.sessions.filesOfEndpoint(scope.workspace, scope.endpoint);
        if (sessions.length === 0)
          throw new ExportError('This endpoint has no recorded sessions.', 'export-no-sessions');
        return { sessions, name: safeName(scope.endpoint), job: {} };
      }
    }
  }

  return {
    async start(input, caller) {
      const request = ExportStartRequestSchema.parse(input);
      if (running.has(request.exportId))
        throw new ExportError('An export with this id is running.', 'export-running');
      const { sessions, name, job } = await resolve(request, caller);
      const fileName = `${name}-${stamp()}.${EXPORT_EXTENSIONS[request.format]}`;
      let destination: string;
      if (options.chooseExportPath) {
        const chosen = await options.chooseExportPath(fileName, request.format);
        if (chosen === null) return { type: 'cancelled' };
        destination = chosen;
      } else {
        await mkdir(options.scratchDir, { recursive: true, mode: 0o700 });
        destination = temporaryPathFor(join(options.scratchDir, fileName)).replace(/\.part$/, '');
      }
      const controller = new AbortController();
      running.set(request.exportId, controller);
      const totalBytes = sessions.reduce(
        (sum, s) => sum + s.segments.reduce((n, seg) => n + seg.size, 0),
        0,
      );
      const progress = (p: Omit<ExportProgress, 'exportId'>) =>
        caller.notify('export:progressed', { exportId: request.exportId, ...p });
      try {
        const summary = await runExport({
          ...job,
          sources: sourcesOf(sessions),
          format: request.format,
          includeTimeline: request.includeTimeline,
          csvBom: request.csvBom,
          destination,
          signal: controller.signal,
          totalBytes,
          onProgress: progress,
        });
        // Retention removed the oldest part of a session: the page says the export is partial.
        const trimmed = sessions.some((s) => s.segments[0]!.index > 1);
        if (options.chooseExportPath) {
          return { type: 'saved', path: destination, records: summary.records, trimmed };
        }
        const id = options.downloads!.add({
          path: destination,
          fileName,
          contentType: EXPORT_MIME_TYPES[request.format],
        });
        return {
          type: 'download',
          url: options.downloadPath ? options.downloadPath(id) : `downloads/${id}`,
          fileName,
          records: summary.records,
          trimmed,
        };
      } catch (error) {
        if (error instanceof ExportCancelledError) return { type: 'cancelled' };
        throw error;
      } finally {
        running.delete(request.exportId);
      }
    },
    cancel(exportId) {
      const controller = running.get(exportId);
      controller?.abort();
      return controller !== undefined;
    },
    dispose() {
      for (const controller of running.values()) controller.abort();
    },
  };
}
