import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedSummary } from '../../../shared/api/feeds';
import type { Endpoint, Variable, Workspace } from '../../../shared/model/workspace';
import { randomId } from '../../../shared/model/workspace';
import { CommandError } from '../../../shared/result';
import type { ImportOutcome } from '../../../shared/api/workspaces';
import { importNote, placeholderList } from '../../../shared/import-notes';
import type { Locale } from '../../../shared/locale';
import { effectiveVariables } from '../../../shared/model/environments';
import { resolveEndpointRequest } from '../../../shared/model/variables';
import type { DemoLauncher } from '../demo/launcher';
import type { FeedManager, FeedSink } from '../feeds/feed-manager';
import type { SseRequest } from '../sse/request';
import type { LoadedWorkspace, StoreNotice, WorkspaceStore, WorkspaceSummary } from '../store';
import { writeFileDurable } from '../store/durable-write';
import { createDemoWorkspace, DEMO_URL_VARIABLE, usesDemoServer } from './demo-workspace';
import { exportWorkspace } from './export-format';
import { DEFAULT_COPY_SUFFIX, importText, type ImportNames } from './import-text';

/** Written once the first-launch Demo workspace exists, so deleting it is respected. */
const FIRST_LAUNCH_MARKER = 'first-launch.json';

export interface WorkspaceServiceOptions {
  dataDir: string;
  store: WorkspaceStore;
  feeds: FeedManager;
  demo: DemoLauncher;
  /** Tell every open page that workspaces changed (one window's edit reaches all: docs/architecture.md, "The API contract"). */
  broadcastChanged(ids: string[]): void;
  /** Surface a store notice (recovery, migration, secrets to re-enter) to the user. */
  notice(notice: StoreNotice): void;
  /** Proxy variables for endpoints in `environment` proxy mode (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

export interface WorkspaceService {
  list(): WorkspaceSummary[];
  get(id: string): Promise<LoadedWorkspace>;
  create(name: string): Promise<Workspace>;
  save(workspace: Workspace): Promise<Workspace>;
  remove(id: string): Promise<void>;
  /** A copy named `name` (the page's language), else "NAME copy". */
  duplicate(id: string, name?: string): Promise<Workspace>;
  saveEndpoint(workspaceId: string, endpoint: Endpoint): Promise<Workspace>;
  deleteEndpoint(workspaceId: string, endpointId: string): Promise<Workspace>;
  /** Imports an export file, a Postman collection or a curl command line. Never overwrites. */
  importText(text: string, into?: string, names?: ImportNames): Promise<ImportOutcome>;
  exportText(id: string, includeSecrets: boolean): Promise<{ fileName: string; text: string }>;
  openEndpoint(owner: FeedSink, workspaceId: string, endpointId: string): Promise<FeedSummary>;
  /** Creates the Demo workspace on the very first launch, in `language` (English by default). */
  ensureFirstLaunch(language?: Locale): Promise<void>;
}

function requireEndpoint(workspace: Workspace, endpointId: string): Endpoint {
  const endpoint = workspace.endpoints.find((e) => e.id === endpointId);
  if (!endpoint)
    throw new CommandError(
      'not-found',
      `No endpoint ${endpointId} in workspace “${workspace.name}”.`,
      { reason: 'endpoint-not-found', params: { workspace: workspace.name } },
    );
  return endpoint;
}

/** The use cases behind the workspaces:* and endpoints:* channels, over the crash-safe store. */
export function createWorkspaceService(options: WorkspaceServiceOptions): WorkspaceService {
  const { store } = options;
  store.onNotice(options.notice);

  async function load(id: string): Promise<Workspace> {
    return (await store.load(id)).workspace;
  }

  async function commit(workspace: Workspace): Promise<Workspace> {
    const saved = await store.save({ ...workspace, updatedAt: new Date().toISOString() });
    options.broadcastChanged([saved.id]);
    return saved;
  }

  /** Resolves an endpoint's request from the workspace as it is *now* (rotated tokens count). */
  async function resolve(
    workspaceId: string,
    endpointId: string,
    secrets?: Set<string>,
  ): Promise<SseRequest> {
    const workspace = await load(workspaceId);
    const endpoint = requireEndpoint(workspace, endpointId);
    let variables: readonly Variable[] = effectiveVariables(workspace);
    if (usesDemoServer(endpoint)) {
      variables = [
        ...variables,
        { name: DEMO_URL_VARIABLE, value: await options.demo.start(), secret: false },
      ];
    }
    const outcome = resolveEndpointRequest(endpoint, variables);
    if (!outcome.ok) {
      const { unknown, reenter, message } = outcome.error;
      throw new CommandError(
        'invalid-input',
        message,
        unknown.length > 0
          ? { reason: 'variables-unknown', params: { names: placeholderList(unknown) } }
          : {
              reason: 'secrets-reenter',
              // "header NAME" (shared/model/variables.ts) is said as the header's name alone.
              params: { names: reenter.map((r) => r.replace(/^header /, '')).join(', ') },
            },
      );
    }
    for (const value of outcome.request.secretValues) secrets?.add(value);
    return outcome.request;
  }

  function freshCopy(workspace: Workspace, name: string): Workspace {
    const now = new Date().toISOString();
    return {
      ...workspace,
      id: randomId(),
      name,
      createdAt: now,
      updatedAt: now,
      endpoints: workspace.endpoints.map((e) => ({ ...e, id: randomId() })),
    };
  }

  return {
    list: () => store.list(),
    get: (id) => store.load(id),
    create: (name) => {
      const now = new Date().toISOString();
      return commit({
        id: randomId(),
        name,
        endpoints: [],
        variables: [],
        environments: [],
        activeEnvironmentId: null,
        createdAt: now,
        updatedAt: now,
      });
    },
    save: (workspace) => commit(workspace),
    async remove(id) {
      await store.remove(id);
      options.broadcastChanged([id]);
    },
    async duplicate(id, name) {
      const original = await load(id);
      return commit(freshCopy(original, name ?? `${original.name} copy`));
    },
    async saveEndpoint(workspaceId, endpoint) {
      const workspace = await load(workspaceId);
      const exists = workspace.endpoints.some((e) => e.id === endpoint.id);
      const endpoints = exists
        ? workspace.endpoints.map((e) => (e.id === endpoint.id ? endpoint : e))
        : [...workspace.endpoints, endpoint];
      return commit({ ...workspace, endpoints });
    },
    async deleteEndpoint(workspaceId, endpointId) {
      const workspace = await load(workspaceId);
      requireEndpoint(workspace, endpointId);
      return commit({
        ...workspace,
        endpoints: workspace.endpoints.filter((e) => e.id !== endpointId),
      });
    },
    async importText(text, into, names = {}) {
      const target = into === undefined ? null : await load(into);
      const copySuffix = names.copySuffix ?? DEFAULT_COPY_SUFFIX;
      const result = importText(text, target, { ...names, copySuffix });
      if (!result.ok) {
        throw new CommandError('invalid-input', result.message, {
          reason: result.reason,
          params: result.params,
        });
      }
      let workspace = result.workspace;
      const warnings = [...result.warnings];
      if (!target && store.list().some((w) => w.id === workspace.id)) {
        // Nothing is overwritten unasked: a second import of the same file is a new workspace.
        workspace = freshCopy(workspace, `${workspace.name} ${copySuffix}`);
        warnings.push(
          importNote(
            'imported-as-copy',
            'A workspace with the same id exists already, so this one was imported as a copy.',
          ),
        );
      }
      return {
        workspace: await commit(workspace),
        warnings: warnings.map((w) => w.message),
        notes: warnings,
      };
    },
    async exportText(id, includeSecrets) {
      const workspace = await load(id);
      const fileName = `${workspace.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace'}.eventscope.json`;
      return { fileName, text: exportWorkspace(workspace, includeSecrets) };
    },
    async openEndpoint(owner, workspaceId, endpointId) {
      const workspace = await load(workspaceId);
      const endpoint = requireEndpoint(workspace, endpointId);
      // Resolve once up front: an unknown {{variable}} is a clear error before connecting.
      // Every secret value any attempt sent, for the feed to redact from its timeline and log.
      const secrets = new Set<string>();
      const first = await resolve(workspaceId, endpointId, secrets);
      return options.feeds.open(owner, {
        name: endpoint.name,
        workspace: workspace.name,
        request: first,
        resolveRequest: (attempt) =>
          attempt === 1 ? first : resolve(workspaceId, endpointId, secrets),
        secrets,
        retry: endpoint.retry,
        lastEventId: endpoint.lastEventId || undefined,
        connectTimeoutMs: endpoint.connectTimeoutMs,
        idleTimeoutMs: endpoint.idleTimeoutMs,
        transport: { tls: endpoint.tls, proxy: endpoint.proxy, env: options.env },
        ...(endpoint.resume ? { resume: endpoint.resume } : {}),
        ...(endpoint.llmProfile
          ? {
              llm: {
                setting: endpoint.llmProfile,
                ...(endpoint.llmCustom ? { custom: endpoint.llmCustom } : {}),
              },
            }
          : {}),
      });
    },
    async ensureFirstLaunch(language) {
      const marker = join(options.dataDir, FIRST_LAUNCH_MARKER);
      if (existsSync(marker)) return;
      if (store.list().length === 0) {
        await commit(createDemoWorkspace(undefined, undefined, language));
      }
      await store.flush();
      await writeFileDurable(
        marker,
        `${JSON.stringify({ demoWorkspaceCreatedAt: new Date().toISOString() })}\n`,
      );
    },
  };
}
