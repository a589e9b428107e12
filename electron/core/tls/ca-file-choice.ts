import { Buffer } from 'node:buffer';
import { basename } from 'node:path';
import type { CaFileChoice } from '../../../shared/api/workspaces';
import { MAX_CA_CERTIFICATES_BYTES } from '../../../shared/model/workspace';
import { CommandError, type AppError } from '../../../shared/result';
import { parseCaCertificates } from '../sse/transport-cas';
import { readRegularFile, SafeReadError } from '../store/safe-file-read';

/**
 * `endpoints:choose-ca-file`: the user picks a CA certificate file and the endpoint keeps its
 * content. The path comes only from a native dialog on the Node side, never from the page
 * (README, "Security"); web mode has no such dialog, so there the page sends the content of a
 * file the user picked in the browser.
 */

/** Opens the native "open file" dialog; resolves the chosen path, or null when cancelled. */
export type OpenFileDialog = (options: {
  title: string;
  filters: Array<{ name: string; extensions: string[] }>;
}) => Promise<string | null>;

export async function chooseCaFile(
  request: {
    content?: string | undefined;
    fileName?: string | undefined;
    dialog?: { title: string; certificates: string; allFiles: string } | undefined;
  },
  openFile: OpenFileDialog | undefined,
): Promise<CaFileChoice> {
  if (request.content !== undefined) {
    return validate(Buffer.from(request.content, 'utf8'), request.fileName ?? 'certificate.pem');
  }
  if (!openFile) {
    throw new CommandError(
      'dialog-unavailable',
      'No file dialog here: choose the certificate file in the page and send its content.',
      { reason: 'ca-dialog-unavailable' },
    );
  }
  const words = request.dialog ?? {
    title: 'Attach CA certificate',
    certificates: 'Certificates',
    allFiles: 'All files',
  };
  const path = await openFile({
    title: words.title,
    filters: [
      { name: words.certificates, extensions: ['pem', 'crt', 'cer', 'der'] },
      { name: words.allFiles, extensions: ['*'] },
    ],
  });
  if (path === null) return { type: 'cancelled' };
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_CA_CERTIFICATES_BYTES);
  } catch (error) {
    if (error instanceof SafeReadError) {
      const fileName = basename(path);
      throw new CommandError(
        'invalid-certificate',
        error.message,
        error.reason === 'too-large'
          ? { reason: 'ca-too-large', params: { fileName, limit: MAX_CA_CERTIFICATES_BYTES } }
          : { reason: 'ca-unreadable', params: { fileName } },
      );
    }
    throw error;
  }
  return validate(bytes, basename(path));
}

function validate(bytes: Buffer, fileName: string): CaFileChoice {
  if (bytes.length > MAX_CA_CERTIFICATES_BYTES) {
    throw new CommandError(
      'invalid-certificate',
      `${fileName} is larger than 1 MiB; a CA certificate file is a few kilobytes.`,
      { reason: 'ca-too-large', params: { fileName, limit: MAX_CA_CERTIFICATES_BYTES } },
    );
  }
  let parsed;
  try {
    parsed = parseCaCertificates(bytes, fileName);
  } catch (error) {
    throw new CommandError(
      'invalid-certificate',
      (error as Error).message,
      refusal(bytes, fileName, (error as Error).message),
    );
  }
  return {
    type: 'chosen',
    pem: parsed.map((p) => p.pem).join(''),
    fileName,
    certificates: parsed.map(({ certificate }) => ({
      subject: certificate.subject.split('\n').join(', '),
      validTo: certificate.validTo,
    })),
  };
}

/**
 * Which of parseCaCertificates' refusals it was: no certificate at all, or the Nth PEM block
 * that does not parse (its message names the number).
 */
function refusal(
  bytes: Buffer,
  fileName: string,
  message: string,
): Pick<AppError, 'reason' | 'params'> {
  if (!bytes.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
    return { reason: 'ca-no-certificate', params: { fileName } };
  }
  const index = /certificate (\d+) is not valid/.exec(message)?.[1];
  return { reason: 'ca-certificate-invalid', params: { fileName, index: Number(index ?? 1) } };
}
