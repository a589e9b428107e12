import { z } from 'zod';
import { VARIABLE_NAME_PATTERN } from './workspace-defaults';
import { RetryPolicySchema } from './retry-policy';

/**
 * Saved endpoint workspaces: what a user keeps for months. This is the in-memory
 * shape every layer sees, with secret values in plain text; on disk the store seals them
 * (electron/core/store, docs/architecture.md, "Persistence and secrets"), so nothing here is ever written as is.
 */

/** Also the workspace's file name on disk, so it must be safe as one on every platform. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** `{{name}}` placeholders use these names; dots and dashes allow `auth.token`, `api-key`. */
/** Windows device names stay devices whatever the extension (`CON.json`), so no id may be one. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const IdSchema = z
  .string()
  .regex(ID_PATTERN)
  .refine((id) => !WINDOWS_DEVICE_NAME.test(id), {
    message: 'reserved as a device name on Windows',
  });
/**
 * Names the workspace store uses for its own files and folders (electron/core/store/paths.ts):
 * a workspace with such an id would be written over them — `index` over the list of workspaces.
 * Compared case-insensitively: on Windows and macOS `INDEX.json` is `index.json`.
 */
export const RESERVED_WORKSPACE_IDS: readonly string[] = ['index', 'backups', 'settings'];
export function isReservedWorkspaceId(id: string): boolean {
  return RESERVED_WORKSPACE_IDS.includes(id.toLowerCase());
}
const WorkspaceIdSchema = IdSchema.refine((id) => !isReservedWorkspaceId(id), {
  message: `reserved for Eventscope's own files (${RESERVED_WORKSPACE_IDS.join(', ')})`,
});

/** Generous limits that stop a hostile import from exhausting memory, not real use. */
const MAX_NAME_CHARS = 200;
const MAX_URL_CHARS = 16_384;
const MAX_VALUE_CHARS = 65_536;
const MAX_BODY_CHARS = 4 * 1024 * 1024;
const MAX_NOTES_CHARS = 100_000;
const MAX_ITEMS = 1_000;

/**
 * Why a secret's value is empty in memory. `decrypt-failed`: the sealed value could not be
 * opened (keyring changed or locked); it is kept on disk until the user types a new one.
 * `not-saved`: it was kept for a session only (no OS protection, no consent to store it).
 */
export const SecretIssueSchema = z.enum(['decrypt-failed', 'not-saved']);
export type SecretIssue = z.infer<typeof SecretIssueSchema>;

export const HeaderSchema = z.object({
  name: z.string().max(MAX_NAME_CHARS),
  value: z.string().max(MAX_VALUE_CHARS),
  enabled: z.boolean(),
  /** Sealed on disk and redacted. Sensitive names count as secret even when this is false. */
  secret: z.boolean(),
  /** Set by the store when the value must be typed again; absent when the value is usable. */
  reenter: SecretIssueSchema.optional(),
});
export type Header = z.infer<typeof HeaderSchema>;

export const BodyKindSchema = z.enum(['none', 'text', 'json', 'form']);
export type BodyKind = z.infer<typeof BodyKindSchema>;

export const RequestBodySchema = z.object({
  kind: BodyKindSchema,
  /** The body as typed, with `{{placeholders}}`; `form` is `a=1&b=2` (urlencoded). */
  text: z.string().max(MAX_BODY_CHARS),
  /** '' = the kind's default (see DEFAULT_CONTENT_TYPES in variables.ts). */
  contentType: z.string().max(MAX_NAME_CHARS),
});
export type RequestBody = z.infer<typeof RequestBodySchema>;

/** The largest CA certificate text an endpoint keeps (a bundle of a few hundred CAs fits). */
export const MAX_CA_CERTIFICATES_BYTES = 1024 * 1024;

export const TlsSettingsSchema = z.object({
  /**
   * Extra trusted CAs as PEM text, trusted beside the system's. The content, never a path: a
   * path from the page would let it read any file (README, "Security"). Chosen through
   * `endpoints:choose-ca-file`, which checks it holds certificates.
   */
  caCertificates: z
    .string()
    .max(MAX_CA_CERTIFICATES_BYTES)
    .refine((pem) => utf8Length(pem) <= MAX_CA_CERTIFICATES_BYTES, {
      message: 'CA certificates larger than 1 MiB',
    })
    .optional(),
  /** For self-signed development servers only; the UI warns while it is on. */
  allowInvalidCertificates: z.boolean(),
});
export type TlsSettings = z.infer<typeof TlsSettingsSchema>;

export const ProxyModeSchema = z.enum([
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment, as curl does. */
  'environment',
  /** Connect directly, ignoring the environment. */
  'none',
  /** Always through `url`. */
  'manual',
]);
export const ProxySettingsSchema = z.object({
  mode: ProxyModeSchema,
  /** http(s)://[user:pass@]host:port; credentials in it are sealed on disk like a secret. */
  url: z.string().max(MAX_URL_CHARS),
});
export type ProxySettings = z.infer<typeof ProxySettingsSchema>;

/**
 * Re-sending a non-GET request after its stream broke off (docs/llm-streams.md, "Resuming"):
 * `auto` only when the stream carried an event id (the server can resume from Last-Event-ID),
 * `always`, or `never`. GET requests follow the retry policy alone.
 */
export const ResumeModeSchema = z.enum(['auto', 'always', 'never']);
export type ResumeMode = z.infer<typeof ResumeModeSchema>;

/** Which LLM stream format the merged view reads (shared/llm): detected, fixed, or off. */
export const LlmProfileSettingSchema = z.enum([
  'auto',
  'openai-chat',
  'openai-responses',
  'anthropic',
  'gemini',
  'custom',
  'none',
]);

/** The custom LLM profile: string values at a JSON path are joined; a terminator ends the run. */
export const LlmCustomProfileSchema = z.object({
  path: z.string().min(1).max(MAX_NAME_CHARS),
  terminator: z.string().max(MAX_NAME_CHARS).optional(),
});

export const EndpointSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(MAX_NAME_CHARS),
  /** May contain `{{placeholders}}`, so it is checked as a URL only after resolving. */
  url: z.string().max(MAX_URL_CHARS),
  method: z.string().min(1).max(32),
  headers: z.array(HeaderSchema).max(MAX_ITEMS),
  body: RequestBodySchema,
  retry: RetryPolicySchema,
  /** Where the next connection resumes ('' = from the start); updated as events arrive. */
  lastEventId: z.string().max(MAX_VALUE_CHARS),
  /** 0 disables, as in the engine. */
  idleTimeoutMs: z.number().int().min(0),
  connectTimeoutMs: z.number().int().min(0),
  tls: TlsSettingsSchema,
  proxy: ProxySettingsSchema,
  notes: z.string().max(MAX_NOTES_CHARS),
  tags: z.array(z.string().min(1).max(MAX_NAME_CHARS)).max(MAX_ITEMS),
  /** Absent = `auto`. Optional so workspaces written before it need no migration. */
  resume: ResumeModeSchema.optional(),
  /** Absent = `auto`. */
  llmProfile: LlmProfileSettingSchema.optional(),
  /** Used when llmProfile is `custom`. */
  llmCustom: LlmCustomProfileSchema.optional(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

export const VariableSchema = z.object({
  name: z.string().regex(VARIABLE_NAME_PATTERN),
  value: z.string().max(MAX_VALUE_CHARS),
  secret: z.boolean(),
  reenter: SecretIssueSchema.optional(),
});
export type Variable = z.infer<typeof VariableSchema>;

/**
 * A named set of variables (local, staging, production …). The active one overrides the
 * workspace's own variables of the same name when `{{name}}` is resolved (environments.ts).
 */
export const EnvironmentSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(MAX_NAME_CHARS),
  variables: z.array(VariableSchema).max(MAX_ITEMS),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

/** ISO 8601 with a Z offset, as `new Date().toISOString()` writes it. */
const TimestampSchema = z.iso.datetime();

export const WorkspaceSchema = z
  .object({
    id: WorkspaceIdSchema,
    name: z.string().min(1).max(MAX_NAME_CHARS),
    endpoints: z.array(EndpointSchema).max(MAX_ITEMS),
    variables: z.array(VariableSchema).max(MAX_ITEMS),
    /** Absent in files and requests from before environments existed: none. */
    environments: z.array(EnvironmentSchema).max(MAX_ITEMS).default([]),
    /** The environment `{{name}}` resolves from first; null = workspace variables only. */
    activeEnvironmentId: IdSchema.nullable().default(null),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .superRefine((workspace, ctx) => {
    // Duplicates would make `{{name}}` ambiguous and endpoint references unstable.
    reportDuplicates(
      workspace.endpoints.map((e) => e.id),
      'endpoints',
      'endpoint id',
      ctx,
    );
    reportDuplicates(
      workspace.variables.map((v) => v.name),
      'variables',
      'variable',
      ctx,
    );
    reportDuplicates(
      workspace.environments.map((e) => e.id),
      'environments',
      'environment id',
      ctx,
    );
    workspace.environments.forEach((environment, index) =>
      reportDuplicates(
        environment.variables.map((v) => v.name),
        `environments.${index}.variables`,
        'variable',
        ctx,
      ),
    );
    if (
      workspace.activeEnvironmentId !== null &&
      !workspace.environments.some((e) => e.id === workspace.activeEnvironmentId)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['activeEnvironmentId'],
        message: 'names no environment of this workspace',
      });
    }
  });
export type Workspace = z.infer<typeof WorkspaceSchema>;

function reportDuplicates(
  keys: readonly string[],
  path: string,
  what: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: [path, index], message: `duplicate ${what} "${key}"` });
    }
    seen.add(key);
  });
}

export {
  VARIABLE_NAME_PATTERN,
  DEFAULT_ENDPOINT_CONNECT_TIMEOUT_MS,
  DEFAULT_ENDPOINT_IDLE_TIMEOUT_MS,
  createEndpoint,
  createHeader,
  createWorkspace,
  randomId,
  type IdGenerator,
  type NewEndpoint,
} from './workspace-defaults';

/** UTF-8 byte length without TextEncoder allocations of the whole text. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
