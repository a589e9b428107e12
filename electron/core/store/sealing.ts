import type {
  Endpoint,
  Environment,
  Header,
  SecretIssue,
  Variable,
  Workspace,
} from '../../../shared/model/workspace';
import { isSecretHeader } from '../../../shared/model/headers';
import type { SealedValue, StoredValue, StoredWorkspace } from './file-format';
import type { Cipher } from './secrets';

/**
 * Workspace ↔ its stored form (docs/architecture.md, "Persistence and secrets"). Every secret slot — secret variables, secret or
 * sensitive headers, a proxy URL with credentials — is sealed by the Cipher on the way out and
 * opened on the way in. Nothing here writes files; the store does.
 */

/** `http://user:pass@host`: the userinfo is a credential. */
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]*@/i;

export interface SealingOptions {
  cipher: Cipher;
  /** The user agreed to keep secrets on disk though the Cipher gives no OS protection. */
  allowUnprotected: boolean;
}

/**
 * What the store remembers between reads and writes of one workspace, in memory only:
 * sealed values it could not open (written back unchanged until the user types a new value),
 * session-only plaintexts, and a cache so unchanged secrets are not re-encrypted on every save.
 */
export class SecretMemory {
  readonly undecryptable = new Map<string, SealedValue>();
  readonly sessionOnly = new Map<string, string>();
  readonly sealedCache = new Map<string, { plain: string; sealed: SealedValue }>();

  forget(prefix: string): void {
    for (const map of [this.undecryptable, this.sessionOnly, this.sealedCache]) {
      for (const key of map.keys()) if (key.startsWith(prefix)) map.delete(key);
    }
  }
}

/** Slot keys: stable across saves while the user does not reorder or rename. */
export const slotKeys = {
  variable: (workspaceId: string, name: string) => `${workspaceId}\0var\0${name}`,
  environmentVariable: (workspaceId: string, environmentId: string, name: string) =>
    `${workspaceId}\0env\0${environmentId}\0${name}`,
  header: (workspaceId: string, endpointId: string, index: number, name: string) =>
    `${workspaceId}\0hdr\0${endpointId}\0${index}\0${name.trim().toLowerCase()}`,
  proxy: (workspaceId: string, endpointId: string) => `${workspaceId}\0proxy\0${endpointId}`,
  workspace: (workspaceId: string) => `${workspaceId}\0`,
};

export interface SealReport {
  /** Secrets kept for this session only, because the Cipher offers no protection. */
  notSaved: string[];
}

export async function sealWorkspace(
  workspace: Workspace,
  options: SealingOptions,
  memory: SecretMemory,
): Promise<{ stored: StoredWorkspace; report: SealReport }> {
  const report: SealReport = { notSaved: [] };
  const seal = (slot: string, label: string, value: string, issue: SecretIssue | undefined) =>
    sealValue(slot, label, value, issue, options, memory, report);
  const endpoints = [];
  for (const endpoint of workspace.endpoints) {
    const headers = [];
    for (const [index, header] of endpoint.headers.entries()) {
      const slot = slotKeys.header(workspace.id, endpoint.id, index, header.name);
      const value = isSecretHeader(header)
        ? await seal(slot, headerLabel(endpoint, header), header.value, header.reenter)
        : header.value;
      headers.push({ name: header.name, value, enabled: header.enabled, secret: header.secret });
    }
    const proxyUrl = URL_WITH_CREDENTIALS.test(endpoint.proxy.url)
      ? await seal(
          slotKeys.proxy(workspace.id, endpoint.id),
          `${endpoint.name} › proxy`,
          endpoint.proxy.url,
          undefined,
        )
      : endpoint.proxy.url;
    endpoints.push({ ...endpoint, headers, proxy: { mode: endpoint.proxy.mode, url: proxyUrl } });
  }
  const variables = [];
  for (const variable of workspace.variables) {
    const slot = slotKeys.variable(workspace.id, variable.name);
    const value = variable.secret
      ? await seal(slot, `{{${variable.name}}}`, variable.value, variable.reenter)
      : variable.value;
    variables.push({ name: variable.name, value, secret: variable.secret });
  }
  const environments = [];
  for (const environment of workspace.environments) {
    const sealed = [];
    for (const variable of environment.variables) {
      const slot = slotKeys.environmentVariable(workspace.id, environment.id, variable.name);
      const value = variable.secret
        ? await seal(
            slot,
            `${environment.name} › {{${variable.name}}}`,
            variable.value,
            variable.reenter,
          )
        : variable.value;
      sealed.push({ name: variable.name, value, secret: variable.secret });
    }
    environments.push({ id: environment.id, name: environment.name, variables: sealed });
  }
  return { stored: { ...workspace, endpoints, variables, environments }, report };
}

async function sealValue(
  slot: string,
  label: string,
  value: string,
  issue: SecretIssue | undefined,
  options: SealingOptions,
  memory: SecretMemory,
  report: SealReport,
): Promise<StoredValue> {
  if (value === '') {
    // Still unreadable and not re-entered: keep the sealed value for a later, luckier session.
    const kept = issue === 'decrypt-failed' ? memory.undecryptable.get(slot) : undefined;
    if (kept) return kept;
    return issue === 'not-saved' ? { type: 'not-saved' } : '';
  }
  memory.undecryptable.delete(slot);
  if (options.cipher.protection === 'none' && !options.allowUnprotected) {
    memory.sessionOnly.set(slot, value);
    report.notSaved.push(label);
    return { type: 'not-saved' };
  }
  memory.sessionOnly.delete(slot);
  const cached = memory.sealedCache.get(slot);
  if (cached && cached.plain === value && cached.sealed.protection === options.cipher.protection) {
    return cached.sealed;
  }
  const sealed: SealedValue = {
    type: 'sealed',
    protection: options.cipher.protection,
    data: await options.cipher.encrypt(value),
  };
  memory.sealedCache.set(slot, { plain: value, sealed });
  return sealed;
}

export interface UnsealReport {
  /** Labels of secrets that must be typed again, and why. */
  reenter: Array<{ label: string; issue: SecretIssue }>;
}

export async function unsealWorkspace(
  stored: StoredWorkspace,
  cipher: Cipher,
  memory: SecretMemory,
): Promise<{ workspace: Workspace; report: UnsealReport }> {
  const report: UnsealReport = { reenter: [] };
  const endpoints: Endpoint[] = [];
  for (const endpoint of stored.endpoints) {
    const headers: Header[] = [];
    for (const [index, header] of endpoint.headers.entries()) {
      const slot = slotKeys.header(stored.id, endpoint.id, index, header.name);
      const opened = await openValue(slot, header.value, cipher, memory);
      if (opened.issue)
        report.reenter.push({ label: headerLabel(endpoint, header), issue: opened.issue });
      headers.push({
        name: header.name,
        value: opened.value,
        enabled: header.enabled,
        secret: header.secret,
        ...(opened.issue ? { reenter: opened.issue } : {}),
      });
    }
    const proxy = await openValue(
      slotKeys.proxy(stored.id, endpoint.id),
      endpoint.proxy.url,
      cipher,
      memory,
    );
    if (proxy.issue) report.reenter.push({ label: `${endpoint.name} › proxy`, issue: proxy.issue });
    endpoints.push({
      ...endpoint,
      headers,
      proxy: { mode: endpoint.proxy.mode, url: proxy.value },
    });
  }
  const variables: Variable[] = [];
  for (const variable of stored.variables) {
    const slot = slotKeys.variable(stored.id, variable.name);
    const opened = await openValue(slot, variable.value, cipher, memory);
    if (opened.issue) report.reenter.push({ label: `{{${variable.name}}}`, issue: opened.issue });
    variables.push({
      name: variable.name,
      value: opened.value,
      secret: variable.secret,
      ...(opened.issue ? { reenter: opened.issue } : {}),
    });
  }
  const environments: Environment[] = [];
  for (const environment of stored.environments) {
    const opened: Variable[] = [];
    for (const variable of environment.variables) {
      const slot = slotKeys.environmentVariable(stored.id, environment.id, variable.name);
      const value = await openValue(slot, variable.value, cipher, memory);
      if (value.issue) {
        report.reenter.push({
          label: `${environment.name} › {{${variable.name}}}`,
          issue: value.issue,
        });
      }
      opened.push({
        name: variable.name,
        value: value.value,
        secret: variable.secret,
        ...(value.issue ? { reenter: value.issue } : {}),
      });
    }
    environments.push({ id: environment.id, name: environment.name, variables: opened });
  }
  return { workspace: { ...stored, endpoints, variables, environments }, report };
}

async function openValue(
  slot: string,
  value: StoredValue,
  cipher: Cipher,
  memory: SecretMemory,
): Promise<{ value: string; issue?: SecretIssue }> {
  if (typeof value === 'string') return { value };
  if (value.type === 'not-saved') {
    const kept = memory.sessionOnly.get(slot);
    return kept === undefined ? { value: '', issue: 'not-saved' } : { value: kept };
  }
  try {
    const plain = await cipher.decrypt(value.data);
    memory.sealedCache.set(slot, { plain, sealed: value });
    return { value: plain };
  } catch {
    memory.undecryptable.set(slot, value);
    return { value: '', issue: 'decrypt-failed' };
  }
}

function headerLabel(endpoint: Pick<Endpoint, 'name'>, header: Pick<Header, 'name'>): string {
  return `${endpoint.name} › header ${header.name}`;
}
