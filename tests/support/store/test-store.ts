import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEndpoint, createHeader, createWorkspace } from '../../../shared/model/workspace';
import type { Workspace } from '../../../shared/model/workspace';
import {
  openWorkspaceStore,
  type Cipher,
  type WorkspaceStoreOptions,
} from '../../../electron/core/store';
import { createTestCipher } from './test-cipher';

/** Helpers for the store tests: real temp directories, a store on the test cipher, a sample workspace. */

export function tempDataDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'eventscope-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deterministic ids, so workspace files are comparable across runs. */
export function idSequence(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export const SEEDED_SECRET = 'sk-live/Zq+9=ü&x Bearer';

export function sampleWorkspace(secret = SEEDED_SECRET, name = 'Sample'): Workspace {
  const newId = idSequence();
  const workspace = createWorkspace(name, new Date('2026-01-02T03:04:05.000Z'), newId);
  const chat = createEndpoint({ name: 'Chat', url: '{{base}}/chat', method: 'POST' }, newId);
  chat.headers.push(
    // Sensitive by name even with the flag off: must be sealed anyway.
    { name: 'Authorization', value: `Bearer ${secret}`, enabled: true, secret: false },
    createHeader('X-Api-Key', secret),
    { name: 'X-Trace', value: 'visible', enabled: true, secret: false },
  );
  chat.body = { kind: 'json', text: '{"prompt": "hi"}', contentType: '' };
  chat.proxy = { mode: 'manual', url: `http://user:${encodeURIComponent(secret)}@127.0.0.1:3128` };
  const stream = createEndpoint({ name: 'Stream', url: '{{base}}/stream' }, newId);
  workspace.endpoints.push(chat, stream);
  workspace.variables.push(
    { name: 'base', value: 'http://127.0.0.1:8080', secret: false },
    { name: 'token', value: secret, secret: true },
  );
  return workspace;
}

export interface OpenOptions extends Partial<Omit<WorkspaceStoreOptions, 'dataDir'>> {
  cipher?: Cipher;
}

/** A store with a long debounce: tests decide when to write, by flushing. */
export function openTestStore(dataDir: string, options: OpenOptions = {}) {
  return openWorkspaceStore({
    cipher: createTestCipher(),
    saveDebounceMs: 60_000,
    saveMaxDelayMs: 60_000,
    lockRetryDelaysMs: [],
    ...options,
    dataDir,
  });
}

/** Every file under `dir`, recursively, with its bytes. */
export function allFiles(dir: string): Array<{ path: string; bytes: Buffer }> {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...allFiles(path));
    else out.push({ path, bytes: readFileSync(path) });
  }
  return out;
}

/** The crash test's workspace (crash-writer.ts): name, size and sealed secret change with n. */
export const CRASH_WORKSPACE_ID = 'crash';

export function crashVersion(n: number): Workspace {
  const workspace = { ...sampleWorkspace(`secret-${n}`, `v${n}`), id: CRASH_WORKSPACE_ID };
  for (let i = 0; i < n % 7; i++) {
    workspace.endpoints.push(
      createEndpoint({ name: `extra ${i} of v${n}`, url: `http://h/${n}/${i}` }, () => `x${i}`),
    );
  }
  return workspace;
}

export function versionOf(workspace: Pick<Workspace, 'name'>): number {
  return Number(workspace.name.slice(1));
}

/** The forms a leaked secret could take in a file. */
export function leakForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
}

export function findLeaks(dir: string, secret: string): string[] {
  const leaks: string[] = [];
  for (const { path, bytes } of allFiles(dir)) {
    const text = bytes.toString('latin1') + bytes.toString('utf8');
    for (const form of leakForms(secret)) if (text.includes(form)) leaks.push(`${path}: ${form}`);
  }
  return leaks;
}
