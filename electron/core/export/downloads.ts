import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';

/** How long a finished export waits for its download before its temp file is removed. */
export const DOWNLOAD_TTL_MS = 10 * 60 * 1000;

export interface Download {
  path: string;
  fileName: string;
  contentType: string;
}

/**
 * Finished exports waiting to be downloaded in web mode (docs/architecture.md, "Persistence and secrets": the page never passes a
 * path). Each gets an unguessable id; `take` hands it out once, so the URL is one-shot.
 */
export interface DownloadRegistry {
  add(download: Download): string;
  take(id: string): Download | null;
  dispose(): Promise<void>;
}

export function createDownloadRegistry(ttlMs = DOWNLOAD_TTL_MS): DownloadRegistry {
  const waiting = new Map<string, { download: Download; timer: ReturnType<typeof setTimeout> }>();
  return {
    add(download) {
      const id = randomBytes(24).toString('base64url');
      const timer = setTimeout(() => {
        waiting.delete(id);
        void unlink(download.path).catch(() => {});
      }, ttlMs);
      timer.unref();
      waiting.set(id, { download, timer });
      return id;
    },
    take(id) {
      const entry = waiting.get(id);
      if (!entry) return null;
      waiting.delete(id);
      clearTimeout(entry.timer);
      return entry.download;
    },
    async dispose() {
      const all = [...waiting.values()];
      waiting.clear();
      for (const { download, timer } of all) {
        clearTimeout(timer);
        await unlink(download.path).catch(() => {});
      }
    },
  };
}
