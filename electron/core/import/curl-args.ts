import {
  HARMLESS_OPTIONS,
  SHORT_OPTIONS,
  UNSUPPORTED_OPTIONS,
  VALUE_OPTIONS,
} from './curl-options';
import { importNote, type ImportNote } from '../../../shared/import-notes';

/**
 * curl's arguments (the words after `curl`) read into what they ask for, following curl(1):
 * short options may be bundled (`-sSL`) and take their value attached or as the next word
 * (`-XPOST`, `-X POST`); long options take theirs as the next word (curl has no `--opt=value`);
 * any word not starting with `-` is a URL; `--no-` turns a boolean off; `--expand-NAME` is NAME
 * with curl's own `{{variable}}` expansion. Effects are not applied here — see curl.ts.
 */

export type DataFlag =
  'data' | 'data-ascii' | 'data-binary' | 'data-raw' | 'data-urlencode' | 'json';

export interface CurlArgs {
  urls: string[];
  /** -X, as given. */
  method: string | null;
  head: boolean;
  get: boolean;
  globoff: boolean;
  /** Each -H argument, unparsed. */
  headers: string[];
  data: Array<{ flag: DataFlag; value: string }>;
  urlQueries: string[];
  user: string | null;
  oauth2Bearer: string | null;
  /** --digest, --ntlm, --negotiate: the -u credentials are not Basic ones. */
  nonBasicAuth: boolean;
  cookies: string[];
  userAgent: string | null;
  referer: string | null;
  compressed: boolean;
  insecure: boolean;
  cacert: string | null;
  proxy: string | null;
  connectTimeoutMs: number | null;
  uploadFile: boolean;
}

export function readCurlArgs(args: readonly string[], warnings: ImportNote[]): CurlArgs {
  const parsed: CurlArgs = {
    urls: [],
    method: null,
    head: false,
    get: false,
    globoff: false,
    headers: [],
    data: [],
    urlQueries: [],
    user: null,
    oauth2Bearer: null,
    nonBasicAuth: false,
    cookies: [],
    userAgent: null,
    referer: null,
    compressed: false,
    insecure: false,
    cacert: null,
    proxy: null,
    connectTimeoutMs: null,
    uploadFile: false,
  };
  let i = 0;
  let optionsEnded = false;
  const nextValue = (option: string): string | null => {
    const value = args[i++];
    if (value === undefined) {
      warnings.push(
        importNote('curl-option-no-value', `${option} has no value and was ignored`, { option }),
      );
    }
    return value ?? null;
  };

  while (i < args.length) {
    const arg = args[i++] as string;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      parsed.urls.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg.startsWith('--')) {
      let name = arg.slice(2);
      if (name.startsWith('expand-') && isKnown(name.slice('expand-'.length))) {
        name = name.slice('expand-'.length);
        warnings.push(
          importNote(
            'curl-expand-not-expanded',
            `--expand-${name}: curl variables were not expanded; {{name}} now refers to workspace variables`,
            { option: `--expand-${name}` },
          ),
        );
      }
      if (VALUE_OPTIONS.has(name)) {
        const value = nextValue(`--${name}`);
        if (value !== null && apply(parsed, name, value, false, warnings) === 'stop') break;
        continue;
      }
      const equals = name.indexOf('=');
      if (equals !== -1) {
        // Only the name is shown: the value may be a token.
        const shown = name.slice(0, equals);
        warnings.push(
          isKnown(shown)
            ? importNote(
                'curl-option-equals-form',
                `curl takes no --${shown}=value form (it would fail); the option was ignored`,
                { option: `--${shown}` },
              )
            : unknownOption(`--${shown}`),
        );
        continue;
      }
      let off = false;
      if (!isKnown(name) && name.startsWith('no-') && isKnown(name.slice(3))) {
        name = name.slice(3);
        off = true;
      }
      if (apply(parsed, name, null, off, warnings) === 'stop') break;
      continue;
    }
    // A bundle of short options; the first one taking a value takes the rest of the word.
    let stop = false;
    for (let j = 1; j < arg.length && !stop; j++) {
      const letter = arg[j] as string;
      const name = SHORT_OPTIONS[letter];
      if (name === undefined) {
        warnings.push(unknownOption(`-${letter}`));
        continue;
      }
      if (VALUE_OPTIONS.has(name)) {
        const attached = arg.slice(j + 1);
        const value = attached !== '' ? attached : nextValue(`-${letter}`);
        if (value !== null) stop = apply(parsed, name, value, false, warnings) === 'stop';
        break;
      }
      stop = apply(parsed, name, null, false, warnings) === 'stop';
    }
    if (stop) break;
  }
  return parsed;
}

function isKnown(name: string): boolean {
  return (
    VALUE_OPTIONS.has(name) ||
    HARMLESS_OPTIONS.has(name) ||
    name in UNSUPPORTED_OPTIONS ||
    HANDLED_FLAGS.has(name)
  );
}

/** Boolean options with an effect, handled in `apply`. */
const HANDLED_FLAGS: ReadonlySet<string> = new Set([
  'get',
  'head',
  'globoff',
  'compressed',
  'insecure',
  'next',
  'digest',
  'ntlm',
  'negotiate',
]);

function apply(
  parsed: CurlArgs,
  name: string,
  value: string | null,
  off: boolean,
  warnings: ImportNote[],
): 'stop' | void {
  const text = value ?? '';
  switch (name) {
    case 'url':
      parsed.urls.push(text);
      return;
    case 'request':
      parsed.method = text;
      return;
    case 'header':
      parsed.headers.push(text);
      return;
    case 'data':
    case 'data-ascii':
    case 'data-binary':
    case 'data-raw':
    case 'data-urlencode':
    case 'json':
      parsed.data.push({ flag: name, value: text });
      return;
    case 'url-query':
      parsed.urlQueries.push(text);
      return;
    case 'user':
      parsed.user = text;
      return;
    case 'oauth2-bearer':
      parsed.oauth2Bearer = text;
      return;
    case 'cookie':
      parsed.cookies.push(text);
      return;
    case 'user-agent':
      parsed.userAgent = text;
      return;
    case 'referer':
      parsed.referer = text;
      return;
    case 'cacert':
      parsed.cacert = text;
      return;
    case 'proxy':
      parsed.proxy = text;
      return;
    case 'connect-timeout': {
      const seconds = Number(text);
      if (Number.isFinite(seconds) && seconds >= 0 && text.trim() !== '') {
        parsed.connectTimeoutMs = Math.round(seconds * 1000);
      } else {
        warnings.push(
          importNote(
            'curl-connect-timeout-invalid',
            '--connect-timeout is not a number of seconds and was ignored',
          ),
        );
      }
      return;
    }
    case 'upload-file':
      parsed.uploadFile = true;
      warnings.push(
        importNote(
          'curl-upload-file',
          '-T uploads a file, which cannot be read here; add the body by hand',
        ),
      );
      return;
    case 'get':
      parsed.get = !off;
      return;
    case 'head':
      parsed.head = !off;
      return;
    case 'globoff':
      parsed.globoff = !off;
      return;
    case 'compressed':
      parsed.compressed = !off;
      return;
    case 'insecure':
      parsed.insecure = !off;
      return;
    case 'digest':
    case 'ntlm':
    case 'negotiate':
      parsed.nonBasicAuth = !off;
      warnings.push(UNSUPPORTED_OPTIONS[name] as ImportNote);
      return;
    case 'next':
      warnings.push(
        importNote('curl-next-ignored', 'only the request before -:/--next was imported'),
      );
      return 'stop';
    default:
      if (HARMLESS_OPTIONS.has(name) || off) return;
      if (name in UNSUPPORTED_OPTIONS) {
        warnings.push(UNSUPPORTED_OPTIONS[name] as ImportNote);
      } else if (VALUE_OPTIONS.has(name)) {
        warnings.push(
          importNote(
            'curl-option-unsupported',
            `curl option --${name} is not supported here and was ignored`,
            { option: `--${name}` },
          ),
        );
      } else {
        warnings.push(unknownOption(`--${name}`));
      }
  }
}

function unknownOption(option: string): ImportNote {
  return importNote('curl-option-unknown', `unknown curl option ${option} was ignored`, { option });
}
