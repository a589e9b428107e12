import { mergedMarkdown, mergedRecord } from '../../../shared/llm/export';
import type { LlmRunSnapshot } from '../../../shared/llm/run';

/**
 * Copy and export of the merged view. Files are saved by the browser's own download (a Blob
 * URL): the page never hands a path to the Node side (docs/architecture.md, "Persistence and secrets").
 */
export function mergedText(run: LlmRunSnapshot): string {
  return run.merge.messages.map((m) => m.text).join('\n\n');
}

export function mergedJson(run: LlmRunSnapshot): string {
  return `${JSON.stringify({ ...mergedRecord(run), rateUnit: run.timing.rateUnit, sequenceGaps: run.merge.sequenceGaps }, null, 2)}\n`;
}

export { mergedMarkdown };

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked after the click has been handled, or the download would find no data.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
