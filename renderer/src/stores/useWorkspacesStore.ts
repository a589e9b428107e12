import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  EventscopeApi,
  SecretsPolicy,
  WorkspaceDetails,
  WorkspaceListItem,
} from '../../../shared/api';
import { effectiveVariables as resolveVariables } from '../../../shared/model/environments';
import type { Endpoint, Environment, Variable, Workspace } from '../../../shared/model/workspace';
import { randomId } from '../../../shared/model/workspace-defaults';
import type { CaChoice } from '../workspaces/attach-ca-certificate';
import { attachCaCertificate } from '../workspaces/attach-ca-certificate';
import type { Result } from '../../../shared/result';
import { i18n } from '../i18n';
import { describeImportNotes, resultTaker, translatedError } from '../shell/node-messages';
import { loadImportNotes } from '../i18n/import-notes';

/**
 * Saved workspaces as this page sees them. The Node side owns the files; every
 * change made in any window comes back as `workspaces:changed` and is reloaded here.
 */
export const useWorkspacesStore = defineStore('workspaces', () => {
  const list = ref<WorkspaceListItem[]>([]);
  const selectedId = ref<string | null>(null);
  const current = ref<WorkspaceDetails | null>(null);
  const { failure, text: error } = translatedError();
  const message = ref<string | null>(null);
  const secrets = ref<SecretsPolicy | null>(null);
  let api: EventscopeApi | null = null;

  const take = resultTaker(failure);

  async function refresh(): Promise<void> {
    if (!api) return;
    const items = take(await api.listWorkspaces());
    if (!items) return;
    list.value = items;
    if (!selectedId.value || !items.some((w) => w.id === selectedId.value)) {
      selectedId.value = items[0]?.id ?? null;
    }
    await loadCurrent();
  }

  async function loadCurrent(): Promise<void> {
    if (!api || !selectedId.value) {
      current.value = null;
      return;
    }
    current.value = take(await api.getWorkspace({ id: selectedId.value }));
  }

  let disconnectLink: () => void = () => {};

  /**
   * Listens to `workspaces:changed` and loads the list. Resolves, once loaded, to the disposer
   * that stops listening (the app calls it on unmount); the subscription is made before the
   * first await, and connecting again disposes the previous one first.
   */
  async function connect(connectionApi: EventscopeApi): Promise<() => void> {
    disconnectLink();
    api = connectionApi;
    const off = api.onWorkspacesChanged(() => void refresh());
    const dispose = (): void => {
      off();
      if (disconnectLink === dispose) disconnectLink = () => {};
    };
    disconnectLink = dispose;
    // Side by side, not one after the other: the list is what the page is waited for
    // (docs/performance.md, "The page"), and the secrets policy is not needed to show it.
    const policy = api.getSecretsPolicy();
    await refresh();
    const answered = await policy;
    if (answered.ok) secrets.value = answered.value;
    else failure.value ??= answered.error;
    return dispose;
  }

  /** Stops listening to the Node side (the disposer of the latest `connect`). */
  function disconnect(): void {
    disconnectLink();
  }

  /** The user agreed to keep secrets on disk without OS protection (docs/architecture.md, "Persistence and secrets"). */
  async function storeSecretsUnprotected(allowed = true): Promise<void> {
    if (api)
      secrets.value =
        take(await api.setSecretsPolicy({ storeUnprotected: allowed })) ?? secrets.value;
  }

  async function select(id: string): Promise<void> {
    selectedId.value = id;
    await loadCurrent();
  }

  async function adopt(workspace: Workspace | null): Promise<void> {
    if (!workspace) return;
    selectedId.value = workspace.id;
    await refresh();
  }

  async function create(name: string): Promise<void> {
    if (api) await adopt(take(await api.createWorkspace({ name })));
  }

  async function duplicate(): Promise<void> {
    if (!api || !selectedId.value) return;
    const original = current.value?.workspace.name;
    const name =
      original === undefined
        ? undefined
        : i18n.global.t('workspaces.actions.copyName', { name: original }).slice(0, 200);
    await adopt(take(await api.duplicateWorkspace({ id: selectedId.value, name })));
  }

  async function remove(): Promise<void> {
    if (!api || !selectedId.value) return;
    if (take(await api.deleteWorkspace({ id: selectedId.value }))) {
      selectedId.value = null;
      await refresh();
    }
  }

  async function save(workspace: Workspace): Promise<boolean> {
    if (!api) return false;
    const saved = take(await api.saveWorkspace({ workspace }));
    if (saved) await adopt(saved);
    return saved !== null;
  }

  async function saveEndpoint(endpoint: Endpoint): Promise<boolean> {
    if (!api || !selectedId.value) return false;
    const saved = take(await api.saveEndpoint({ workspaceId: selectedId.value, endpoint }));
    if (saved) await adopt(saved);
    return saved !== null;
  }

  /** Renames the current workspace; false when the Node side refused. */
  async function rename(name: string): Promise<boolean> {
    if (!current.value) return false;
    return save({ ...current.value.workspace, name });
  }

  /** A copy of an endpoint right after it, named "<name> copy". */
  async function duplicateEndpoint(endpointId: string): Promise<boolean> {
    const workspace = current.value?.workspace;
    const index = workspace?.endpoints.findIndex((e) => e.id === endpointId) ?? -1;
    if (!workspace || index < 0) return false;
    const original = workspace.endpoints[index] as Endpoint;
    const copy: Endpoint = {
      ...(JSON.parse(JSON.stringify(original)) as Endpoint),
      id: randomId(),
      name: `${original.name} copy`,
    };
    const endpoints = [...workspace.endpoints];
    endpoints.splice(index + 1, 0, copy);
    return save({ ...workspace, endpoints });
  }

  /** Moves an endpoint to another position of the list (drag and drop, Alt+arrow keys). */
  async function moveEndpoint(endpointId: string, toIndex: number): Promise<boolean> {
    const workspace = current.value?.workspace;
    if (!workspace) return false;
    const endpoints = [...workspace.endpoints];
    const from = endpoints.findIndex((e) => e.id === endpointId);
    const to = Math.max(0, Math.min(endpoints.length - 1, toIndex));
    if (from < 0 || from === to) return false;
    const [moved] = endpoints.splice(from, 1);
    endpoints.splice(to, 0, moved as Endpoint);
    // Shown at once; the Node side's answer (and workspaces:changed) confirms it.
    current.value = { ...current.value!, workspace: { ...workspace, endpoints } };
    return save({ ...workspace, endpoints });
  }

  /** What `{{name}}` resolves to in the current workspace (the active environment first). */
  function effectiveVariables(): Variable[] {
    return current.value ? resolveVariables(current.value.workspace) : [];
  }

  /** Makes an environment (or none) the one `{{name}}` resolves from. */
  async function setActiveEnvironment(environmentId: string | null): Promise<boolean> {
    const workspace = current.value?.workspace;
    if (!workspace) return false;
    return save({ ...workspace, activeEnvironmentId: environmentId });
  }

  /** Saves the workspace's variables and environments as edited together. */
  async function saveVariables(
    variables: Variable[],
    environments: Environment[],
    activeEnvironmentId: string | null,
  ): Promise<boolean> {
    const workspace = current.value?.workspace;
    if (!workspace) return false;
    const active = environments.some((e) => e.id === activeEnvironmentId)
      ? activeEnvironmentId
      : null;
    return save({ ...workspace, variables, environments, activeEnvironmentId: active });
  }

  /** The CA chooser's answer; a refused file (not certificates, too large) is an error. */
  async function chooseCaCertificate(): Promise<Result<CaChoice>> {
    return api ? attachCaCertificate(api) : { ok: true, value: { type: 'cancelled' } };
  }

  async function deleteEndpoint(endpointId: string): Promise<void> {
    if (!api || !selectedId.value) return;
    await adopt(take(await api.deleteEndpoint({ workspaceId: selectedId.value, endpointId })));
  }

  /** Imports a file's text or a pasted curl command (into the current workspace for curl). */
  async function importText(text: string, intoCurrent: boolean): Promise<void> {
    if (!api) return;
    const into = intoCurrent && selectedId.value ? selectedId.value : undefined;
    const name = i18n.global.t('workspaces.messages.importedFromCurl');
    const copySuffix = i18n.global.t('workspaces.messages.importedSuffix');
    // The notes' texts load with the first import (renderer/src/i18n/import-notes.ts).
    const [result] = await Promise.all([
      api.importWorkspace({ text, into, name, copySuffix }),
      loadImportNotes(),
    ]);
    const outcome = take(result);
    if (!outcome) return;
    const { t } = i18n.global;
    message.value = outcome.warnings.length
      ? t('workspaces.messages.importedWithNotes', {
          name: outcome.workspace.name,
          notes: describeImportNotes(outcome.notes),
        })
      : t('workspaces.messages.imported', { name: outcome.workspace.name });
    await adopt(outcome.workspace);
  }

  /** Exports the current workspace: a save dialog in the app, a download in web mode. */
  async function exportCurrent(includeSecrets: boolean): Promise<void> {
    if (!api || !selectedId.value) return;
    const outcome = take(await api.exportWorkspace({ id: selectedId.value, includeSecrets }));
    if (!outcome) return;
    switch (outcome.type) {
      case 'saved':
        message.value = i18n.global.t('workspaces.messages.exportedTo', { path: outcome.path });
        break;
      case 'cancelled':
        break;
      case 'download': {
        const url = URL.createObjectURL(new Blob([outcome.text], { type: 'application/json' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = outcome.fileName;
        link.click();
        URL.revokeObjectURL(url);
        message.value = i18n.global.t(
          includeSecrets
            ? 'workspaces.messages.downloadedWithSecrets'
            : 'workspaces.messages.downloaded',
          { file: outcome.fileName },
        );
        break;
      }
    }
  }

  return {
    list,
    selectedId,
    current,
    error,
    message,
    secrets,
    connect,
    disconnect,
    storeSecretsUnprotected,
    refresh,
    select,
    create,
    duplicate,
    remove,
    save,
    saveEndpoint,
    deleteEndpoint,
    rename,
    duplicateEndpoint,
    moveEndpoint,
    chooseCaCertificate,
    effectiveVariables,
    setActiveEnvironment,
    saveVariables,
    importText,
    exportCurrent,
  };
});
