import { defaultRetryPolicy } from '../../shared/model/retry-defaults';
import type { RetryPolicy } from '../../shared/model/retry-policy';
import type { ResolvedRequest } from '../../shared/model/variables';
import type { Endpoint } from '../../shared/model/workspace';
import type { FetchFunction } from '../core/sse/connection';
import { normalizeMethod, validateRequest, type SseRequest } from '../core/sse/request';
import { parseHeaderArg, type HeaderArg } from '../../shared/model/headers';
import { defaultFormat, type OutputFormat } from './watch-output';
import type { MergeSettings } from './merge-output';
import type { ResumeMode } from '../../shared/model/workspace';
import { LLM_PROFILE_IDS, type LlmProfileSetting } from '../../shared/llm/types';

/** The flags of `eventscope watch` as commander hands them over (numbers already parsed). */
export interface WatchFlags {
  /** A saved workspace (file, name or id) whose `--endpoint` to watch instead of a URL. */
  workspace?: string;
  endpoint?: string;
  dataDir?: string;
  method?: string;
  /** Undefined when no -H was given. */
  header?: string[];
  data?: string;
  dataFile?: string;
  lastEventId?: string;
  /** commander's `--no-retry`: true unless the flag is given. */
  retry: boolean;
  retryMax?: number;
  retryInitial?: number;
  retryMaxDelay?: number;
  retryMinDelay?: number;
  retryStableAfter?: number;
  idleTimeout?: number;
  maxEvents?: number;
  timeout?: number;
  format?: OutputFormat;
  includeStatus?: boolean;
  summary?: boolean;
  /** Print the merged LLM message instead of raw events (docs/llm-streams.md). */
  merge?: boolean;
  /** With --merge: auto (default), a provider profile, custom or none. */
  profile?: string;
  /** With --profile custom: the JSON path whose strings are joined, and the terminator. */
  jsonPath?: string;
  terminator?: string;
  /** Record into this file as well (`--out`), in `--out-format` or the extension's format. */
  out?: string;
  outFormat?: string;
}

export interface WatchConfig {
  request: SseRequest;
  retry: RetryPolicy;
  lastEventId?: string;
  idleTimeoutMs?: number;
  maxEvents: number | null;
  timeoutMs: number | null;
  format: OutputFormat;
  includeStatus: boolean;
  summary: boolean;
  /** Header values never to print (tokens, cookies), for redacting what goes to stderr. */
  secrets: string[];
  /** The fetch of the endpoint's transport (TLS, proxy); Node's global fetch when absent. */
  fetch?: FetchFunction;
  /** Set by --merge: the LLM profile to merge with. */
  merge?: MergeSettings;
  /** Whether a non-GET stream that broke off is sent again (electron/core/sse/resume.ts). */
  resume?: ResumeMode;
  /** `--out`: where and how to record the events while printing them. */
  record?: { path: string; format: 'jsonl' | 'csv' | 'json' | 'sse' };
}

const PROFILE_SETTINGS: readonly string[] = ['auto', ...LLM_PROFILE_IDS, 'none'];

/** --merge, --profile, --json-path and --terminator, checked together. */
export function mergeSettings(
  flags: WatchFlags,
  saved?: { llmProfile?: LlmProfileSetting; llmCustom?: MergeSettings['custom'] },
): MergeSettings | undefined {
  const extra = [flags.profile, flags.jsonPath, flags.terminator].some((v) => v !== undefined);
  if (flags.merge !== true) {
    if (extra) throw new UsageError('--profile, --json-path and --terminator go with --merge');
    return undefined;
  }
  const setting = flags.profile ?? saved?.llmProfile ?? 'auto';
  if (!PROFILE_SETTINGS.includes(setting)) {
    throw new UsageError(`--profile must be one of ${PROFILE_SETTINGS.join(', ')}`);
  }
  const custom =
    flags.jsonPath !== undefined
      ? {
          path: flags.jsonPath,
          ...(flags.terminator !== undefined ? { terminator: flags.terminator } : {}),
        }
      : saved?.llmCustom;
  if (setting === 'custom' && custom === undefined) {
    throw new UsageError('--profile custom needs --json-path (e.g. --json-path "$.token")');
  }
  return { setting: setting as LlmProfileSetting, ...(custom !== undefined ? { custom } : {}) };
}

export interface WatchEnvironment {
  stdoutIsTty: boolean;
  /** Reads `--data-file` (a path, or '-' for stdin). */
  readFile(path: string): Uint8Array;
}

/** A mistake in the command line: exit code 2 with the message and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function looksLikeJson(body: string | Uint8Array): boolean {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function readBody(flags: WatchFlags, env: WatchEnvironment): string | Uint8Array | null {
  if (flags.data !== undefined && flags.dataFile !== undefined) {
    throw new UsageError('use either --data or --data-file, not both');
  }
  if (flags.data !== undefined) return flags.data;
  if (flags.dataFile === undefined) return null;
  try {
    return env.readFile(flags.dataFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read --data-file ${flags.dataFile}${code ? ` (${code})` : ''}`);
  }
}

function parseHeaders(raw: readonly string[]): HeaderArg[] {
  return raw.map((text) => {
    const parsed = parseHeaderArg(text);
    if (!parsed.ok) throw new UsageError(`-H/--header: ${parsed.message}`);
    return parsed.header;
  });
}

/**
 * `http://user:pass@host/` → the URL without credentials plus `Authorization: Basic …`, as curl
 * does. fetch refuses such URLs, and its error message would print the password.
 */
function moveUrlCredentials(url: string, headers: HeaderArg[]): { url: string; secrets: string[] } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, secrets: [] };
  }
  if (parsed.username === '' && parsed.password === '') return { url, secrets: [] };
  const rawPassword = parsed.password;
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(rawPassword);
  parsed.username = '';
  parsed.password = '';
  if (!headers.some((h) => h.name.toLowerCase() === 'authorization')) {
    const token = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
    headers.push({ name: 'Authorization', value: `Basic ${token}`, secret: true });
  }
  return { url: parsed.href, secrets: [password, rawPassword].filter((v) => v !== '') };
}

function retryPolicy(base: RetryPolicy, flags: WatchFlags): RetryPolicy {
  const policy = { ...base };
  if (!flags.retry) policy.enabled = false;
  if (flags.retryMax !== undefined) policy.maxAttempts = flags.retryMax;
  if (flags.retryInitial !== undefined) policy.initialDelayMs = flags.retryInitial;
  if (flags.retryMaxDelay !== undefined) policy.maxDelayMs = flags.retryMaxDelay;
  if (flags.retryMinDelay !== undefined) policy.minDelayMs = flags.retryMinDelay;
  if (flags.retryStableAfter !== undefined) policy.stableAfterMs = flags.retryStableAfter;
  return policy;
}

/**
 * Turns the command line into a connection request and run settings, or throws UsageError.
 * Like curl, a body without -X means POST, and a JSON body without a Content-Type header is
 * sent as application/json (LLM APIs reject the text/plain that fetch would pick).
 */
export function buildWatchConfig(
  url: string,
  flags: WatchFlags,
  env: WatchEnvironment,
): WatchConfig {
  const headers = parseHeaders(flags.header ?? []);
  const credentials = moveUrlCredentials(url, headers);
  const body = readBody(flags, env);
  const method = normalizeMethod(flags.method ?? (body === null ? 'GET' : 'POST'));
  const hasContentType = headers.some((h) => h.name.toLowerCase() === 'content-type');
  if (body !== null && !hasContentType && looksLikeJson(body)) {
    headers.push({ name: 'Content-Type', value: 'application/json', secret: false });
  }
  if (flags.lastEventId !== undefined && /[\r\n\0]/.test(flags.lastEventId)) {
    throw new UsageError('--last-event-id cannot contain a line break or NUL');
  }
  const request: SseRequest = { url: credentials.url, method, headers, body };
  const invalid = validateRequest(request);
  if (invalid !== null) throw new UsageError(invalid);

  return {
    request,
    retry: retryPolicy(defaultRetryPolicy(method), flags),
    ...(flags.lastEventId !== undefined ? { lastEventId: flags.lastEventId } : {}),
    ...(flags.idleTimeout !== undefined ? { idleTimeoutMs: flags.idleTimeout } : {}),
    maxEvents: flags.maxEvents ?? null,
    timeoutMs: flags.timeout ?? null,
    format: flags.format ?? defaultFormat(env.stdoutIsTty),
    includeStatus: flags.includeStatus === true,
    summary: flags.summary === true,
    secrets: [...headers.filter((h) => h.secret).map((h) => h.value), ...credentials.secrets],
    ...optional('merge', mergeSettings(flags)),
  };
}

/**
 * `watch --workspace W --endpoint E`: the saved endpoint's request (variables already resolved)
 * and settings, with any flags given on the command line taking precedence.
 */
export function buildEndpointWatchConfig(
  resolved: ResolvedRequest,
  endpoint: Pick<
    Endpoint,
    'retry' | 'lastEventId' | 'idleTimeoutMs' | 'resume' | 'llmProfile' | 'llmCustom'
  >,
  flags: WatchFlags,
  env: WatchEnvironment,
): WatchConfig {
  const extra = parseHeaders(flags.header ?? []);
  const body =
    flags.data !== undefined || flags.dataFile !== undefined ? readBody(flags, env) : resolved.body;
  const method = flags.method !== undefined ? normalizeMethod(flags.method) : resolved.method;
  const lastEventId = flags.lastEventId ?? (endpoint.lastEventId || undefined);
  const request: SseRequest = {
    url: resolved.url,
    method,
    headers: [...resolved.headers, ...extra],
    body,
  };
  const invalid = validateRequest(request);
  if (invalid !== null) throw new UsageError(invalid);
  return {
    request,
    retry: retryPolicy(endpoint.retry, flags),
    ...(lastEventId !== undefined ? { lastEventId } : {}),
    idleTimeoutMs: flags.idleTimeout ?? endpoint.idleTimeoutMs,
    maxEvents: flags.maxEvents ?? null,
    timeoutMs: flags.timeout ?? null,
    format: flags.format ?? defaultFormat(env.stdoutIsTty),
    includeStatus: flags.includeStatus === true,
    summary: flags.summary === true,
    secrets: [...resolved.secretValues, ...extra.filter((h) => h.secret).map((h) => h.value)],
    ...optional('merge', mergeSettings(flags, endpoint)),
    ...optional('resume', endpoint.resume),
  };
}

/** `{ key: value }` when value is defined, else `{}`: exactOptionalPropertyTypes-friendly. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
