import { writeFile } from 'node:fs/promises';
import type { BrowserWindow, Dialog } from 'electron';
import type { AppCoreOptions } from '../core/app-core';

export interface DialogDeps {
  BrowserWindow: Pick<typeof BrowserWindow, 'getFocusedWindow'>;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
}

/**
 * The native file dialogs the core asks for. Main owns the disk: the page never names a path,
 * the user picks it here (docs/architecture.md, the API contract). Each dialog is modal to the
 * focused window when there is one.
 */
export function createFileDialogs(
  deps: DialogDeps,
): Required<Pick<AppCoreOptions, 'saveFile' | 'openFile' | 'chooseExportPath'>> {
  const { BrowserWindow, dialog } = deps;
  return {
    saveFile: async (suggestedName, text) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        defaultPath: suggestedName,
        filters: [{ name: 'Eventscope workspace', extensions: ['json'] }],
      };
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, text, { mode: 0o600 });
      return choice.filePath;
    },
    openFile: async ({ title, filters }) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const choice = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
    // Exports stream into the chosen path from the Node side; the page never names a file.
    chooseExportPath: async (suggestedName, format) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        defaultPath: suggestedName,
        filters: [
          { name: format.toUpperCase(), extensions: [suggestedName.split('.').pop() ?? format] },
        ],
      };
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
  };
}
