import { isSecretHeaderName } from './headers';
import { defaultRetryPolicy } from './retry-defaults';
import type { Endpoint, Header, Workspace } from './workspace';

/**
 * New endpoints, headers and workspaces with their defaults, apart from the schemas in
 * workspace.ts: the page builds them but never validates, and must not bundle a validation
 * library for that (docs/performance.md, "The page"). workspace.ts re-exports all of this.
 */

/** The engine's own defaults (electron/core/sse/connection.ts), repeated: shared/ cannot import it. */
export const DEFAULT_ENDPOINT_CONNECT_TIMEOUT_MS = 30_000;
export const DEFAULT_ENDPOINT_IDLE_TIMEOUT_MS = 45_000;

/** A variable's name as `{{name}}` may use it. */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

export type IdGenerator = () => string;

/** Web Crypto's UUID: present in Node ≥ 19 and every page, so shared/ needs no node:crypto. */
export const randomId: IdGenerator = () => globalThis.crypto.randomUUID();

export function createHeader(name: string, value: string): Header {
  return { name, value, enabled: true, secret: isSecretHeaderName(name) };
}

export interface NewEndpoint {
  name: string;
  url: string;
  method?: string;
}

export function createEndpoint(input: NewEndpoint, newId: IdGenerator = randomId): Endpoint {
  const method = input.method ?? 'GET';
  return {
    id: newId(),
    name: input.name,
    url: input.url,
    method,
    headers: [],
    body: { kind: 'none', text: '', contentType: '' },
    retry: defaultRetryPolicy(method),
    lastEventId: '',
    idleTimeoutMs: DEFAULT_ENDPOINT_IDLE_TIMEOUT_MS,
    connectTimeoutMs: DEFAULT_ENDPOINT_CONNECT_TIMEOUT_MS,
    tls: { allowInvalidCertificates: false },
    proxy: { mode: 'environment', url: '' },
    notes: '',
    tags: [],
  };
}

export function createWorkspace(
  name: string,
  now: Date = new Date(),
  newId: IdGenerator = randomId,
): Workspace {
  const at = now.toISOString();
  return {
    id: newId(),
    name,
    endpoints: [],
    variables: [],
    environments: [],
    activeEnvironmentId: null,
    createdAt: at,
    updatedAt: at,
  };
}
