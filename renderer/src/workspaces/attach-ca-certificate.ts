import type { CaFileChoice, EventscopeApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { i18n } from '../i18n';

export type CaChoice = CaFileChoice;

/** Largest CA file the page reads for upload; the Node side enforces the same limit. */
const MAX_CA_FILE_BYTES = 1024 * 1024;

/** Lets the user pick a file in the browser (web mode has no native dialog on the Node side). */
function pickFileInPage(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.pem,.crt,.cer,application/x-pem-file';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/**
 * "Attach CA certificate…": the page never names a file. In Electron the Node side opens its
 * native dialog and reads the file; in web mode it answers 'dialog-unavailable' and the page
 * sends the content of a file the user picked here. Either way the Node side validates it as
 * certificates and answers the PEM text, which the editor keeps in `tls.caCertificates`.
 */
export async function attachCaCertificate(api: EventscopeApi): Promise<Result<CaChoice>> {
  const { t } = i18n.global;
  const native = await api.chooseCaFile({
    dialog: {
      title: t('workspaces.editor.caDialog.title'),
      certificates: t('workspaces.editor.caDialog.certificates'),
      allFiles: t('workspaces.editor.caDialog.allFiles'),
    },
  });
  if (native.ok || native.error.code !== 'dialog-unavailable') return native;
  const file = await pickFileInPage();
  if (file === null) return { ok: true, value: { type: 'cancelled' } };
  if (file.size > MAX_CA_FILE_BYTES) {
    return {
      ok: false,
      error: {
        code: 'invalid-certificate',
        message: `${file.name} is ${file.size} bytes; a CA file may have at most 1 MiB.`,
        reason: 'ca-too-large',
        params: { fileName: file.name, limit: MAX_CA_FILE_BYTES },
      },
    };
  }
  return api.chooseCaFile({ content: await file.text(), fileName: file.name });
}
