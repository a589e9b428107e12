import { z } from 'zod';
import { EndpointSchema, MAX_CA_CERTIFICATES_BYTES, WorkspaceSchema } from '../model/workspace';
import type { Workspace } from '../model/workspace';
import type { Notice } from './notifications';
import type { ImportNote } from '../import-notes';

/** Schemas of the workspaces:* and endpoints:* commands. */

const Id = z.string().min(1).max(64);
/** An import is text the page read from a file the user picked, or a pasted curl line. */
export const IMPORT_TEXT_MAX_CHARS = 20 * 1024 * 1024;

export const WorkspaceIdRequestSchema = z.object({ id: Id }).strict();
/** `name`: the copy's name in the page's language ("NAME copy" when absent). */
export const WorkspaceDuplicateRequestSchema = z
  .object({ id: Id, name: z.string().trim().min(1).max(200).optional() })
  .strict();
export const WorkspaceCreateRequestSchema = z
  .object({ name: z.string().trim().min(1).max(200) })
  .strict();
export const WorkspaceSaveRequestSchema = z.object({ workspace: WorkspaceSchema }).strict();
export const WorkspaceImportRequestSchema = z
  .object({
    text: z.string().max(IMPORT_TEXT_MAX_CHARS),
    /** Add the imported endpoints to this workspace (curl, Postman) instead of a new one. */
    into: Id.optional(),
    /**
     * The name of a workspace the import creates when the text names none (a curl command),
     * in the page's language: names the app chooses are words the user reads.
     */
    name: z.string().trim().min(1).max(200).optional(),
    /** Appended to a name the import would repeat ("(imported)" when absent), likewise. */
    copySuffix: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export const WorkspaceExportRequestSchema = z
  .object({ id: Id, includeSecrets: z.boolean().default(false) })
  .strict();
export const EndpointSaveRequestSchema = z
  .object({ workspaceId: Id, endpoint: EndpointSchema })
  .strict();
/**
 * `endpoints:choose-ca-file`. Without `content` the Node side opens its own file dialog (the page
 * never names a path); web mode has none and answers 'dialog-unavailable', and the page sends
 * the content of a file the user picked in the browser instead. The size is checked by the
 * handler (code 'invalid-certificate'); this cap only bounds what is parsed at all.
 */
export const CaFileRequestSchema = z
  .object({
    content: z
      .string()
      .max(4 * MAX_CA_CERTIFICATES_BYTES)
      .optional(),
    fileName: z.string().max(255).optional(),
    /** The native dialog's words in the page's language (English when absent). */
    dialog: z
      .object({
        title: z.string().max(200),
        certificates: z.string().max(200),
        allFiles: z.string().max(200),
      })
      .strict()
      .optional(),
  })
  .strict();

export interface CaCertificateSummary {
  subject: string;
  /** As X509Certificate.validTo prints it, e.g. "Dec  3 08:00:00 2027 GMT". */
  validTo: string;
}

/** The certificates as PEM to put in `endpoint.tls.caCertificates` and save with endpoints:save. */
export type CaFileChoice =
  | { type: 'chosen'; pem: string; fileName: string; certificates: CaCertificateSummary[] }
  | { type: 'cancelled' };

export const EndpointRefRequestSchema = z.object({ workspaceId: Id, endpointId: Id }).strict();

export interface WorkspaceListItem {
  id: string;
  name: string;
  updatedAt: string;
}

export interface WorkspaceDetails {
  workspace: Workspace;
  /** Written by a newer Eventscope: shown, never saved over. */
  readOnly: boolean;
  /**
   * Things the user should know (restored from backup, secrets to re-enter …): a stable code
   * and params the page translates, with the English message as fallback.
   */
  notices: Array<Pick<Notice, 'code' | 'params' | 'message'>>;
}

export interface ImportOutcome {
  workspace: Workspace;
  /** What was skipped or approximated during the import, in English; never silent. */
  warnings: string[];
  /** The same notes as codes and params, for the page to word in its language. */
  notes: ImportNote[];
}

/** Electron saves through a dialog in main; web mode hands the file to the browser to download. */
export type ExportOutcome =
  | { type: 'saved'; path: string }
  | { type: 'cancelled' }
  | { type: 'download'; fileName: string; text: string };

export const WorkspacesChangedSchema = z.object({ ids: z.array(z.string()), at: z.number() });
export type WorkspacesChanged = z.infer<typeof WorkspacesChangedSchema>;

/**
 * Where secrets go. `protection: 'os'`: a keyring protects them on disk. `'none'` (Linux
 * without a keyring, web mode): they stay in memory for the session unless `storeUnprotected`.
 */
export interface SecretsPolicy {
  protection: 'os' | 'none';
  storeUnprotected: boolean;
}

export const SecretsPolicyRequestSchema = z.object({ storeUnprotected: z.boolean() }).strict();
