import { importNote, type ImportNote } from '../../../shared/import-notes';
import { importFailure, type ImportFailure } from './import-result';
/**
 * Telling a curl command apart from the other "Copy as …" formats and from its shell, and the
 * words before `curl` that a paste may carry.
 */

export type CurlShell = 'bash' | 'cmd';

/** Whether pasted text is meant as a curl command (maybe after a `$ ` prompt). */
export function looksLikeCurl(text: string): boolean {
  return /^\s*(\$\s+)?(\S*[\\/])?curl(\.exe)?(\s|$)/i.test(text);
}

/**
 * Chrome's cmd form starts `curl ^"https://…^"` and ends its lines with ` ^`; a bash command
 * (Chrome's, Firefox's, Safari's) has neither. `^"` alone is not enough: a quoted regex in a
 * bash body may contain it.
 */
export function detectCurlShell(text: string): CurlShell {
  return /^(\S*[\\/])?curl(\.exe)?[ \t]+\^"/i.test(text) || /[ \t]\^\r?\n/.test(text)
    ? 'cmd'
    : 'bash';
}

/** The other "Copy as …" entries of the browsers' menus, named so the user can pick the right one. */
export function otherFormat(text: string): ImportFailure | null {
  if (/^(await\s+)?fetch\s*\(/.test(text)) {
    return importFailure(
      'import-copy-as-fetch',
      'this is "Copy as fetch"; use "Copy as cURL" instead',
    );
  }
  if (/Invoke-(WebRequest|RestMethod)\b/i.test(text) || /^\$session\s*=/i.test(text)) {
    return importFailure(
      'import-copy-as-powershell',
      'this is PowerShell ("Copy as PowerShell"); use "Copy as cURL (bash)" or "Copy as cURL (cmd)" instead',
    );
  }
  if (/^curl(\.exe)?\b/i.test(text) && /`\r?\n/.test(text)) {
    return importFailure(
      'import-powershell-continuation',
      'this curl command uses PowerShell line continuations (`); use "Copy as cURL (bash)" or "Copy as cURL (cmd)" instead',
    );
  }
  return null;
}

/** A pasted shell prompt (`$ curl …`) or environment assignments (`NO_COLOR=1 curl …`). */
export function skipPrompt(words: readonly string[], warnings: ImportNote[]): string[] {
  let start = 0;
  if (words[0] === '$' || words[0] === '>') start = 1;
  while (start < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start] as string)) {
    const name = (words[start] as string).split('=')[0];
    warnings.push(
      importNote(
        'env-assignment-ignored',
        `the environment assignment ${name}=… before curl was ignored`,
        { name: name ?? '' },
      ),
    );
    start++;
  }
  return words.slice(start);
}

export function isCurl(word: string): boolean {
  const base = word.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  return base === 'curl' || base === 'curl.exe';
}
