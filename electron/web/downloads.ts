import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Download } from '../core/export/downloads';

/** RFC 6266 / RFC 8187: an ASCII fallback name plus the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Streams a finished export as an attachment, once: the id was taken from the registry, and the
 * temporary file is removed when the response ends (sent, or abandoned by the browser).
 */
export function serveDownload(
  download: Download | null,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  if (!download) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This download has expired or was already taken. Export again.\n');
    return;
  }
  const file = createReadStream(download.path);
  const cleanup = () => void unlink(download.path).catch(() => {});
  file.once('error', (error) => {
    if (!res.headersSent) {
      res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    }
    res.end(`The export could not be read: ${error.message}\n`);
    cleanup();
  });
  file.once('open', () => {
    res.writeHead(200, {
      ...headers,
      'Content-Type': download.contentType,
      'Content-Disposition': contentDisposition(download.fileName),
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      file.destroy();
      res.end();
      cleanup();
      return;
    }
    file.pipe(res);
  });
  res.once('close', () => {
    file.destroy();
    cleanup();
  });
}
