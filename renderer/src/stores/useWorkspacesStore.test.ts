import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventscopeApi, SecretsPolicy, WorkspaceDetails } from '../../../shared/api';
import { createWorkspace } from '../../../shared/model/workspace-defaults';
import type { Result } from '../../../shared/result';
import { ok } from '../../../shared/result';
import { useWorkspacesStore } from './useWorkspacesStore';

beforeEach(() => setActivePinia(createPinia()));

describe('the workspaces store', () => {
  it('lists the workspaces without waiting for the secrets policy to answer', async () => {
    const workspace = createWorkspace('Work');
    let answerPolicy: (result: Result<SecretsPolicy>) => void = () => {};
    const api = {
      onWorkspacesChanged: () => () => {},
      getSecretsPolicy: () => new Promise<Result<SecretsPolicy>>((r) => (answerPolicy = r)),
      listWorkspaces: async () =>
        ok([{ id: workspace.id, name: workspace.name, updatedAt: workspace.updatedAt }]),
      getWorkspace: async (): Promise<Result<WorkspaceDetails>> =>
        ok({ workspace, readOnly: false, notices: [] }),
    } as unknown as EventscopeApi;
    const store = useWorkspacesStore();
    const connected = store.connect(api);
    await flushPromises();
    expect(store.list.map((w) => w.name)).toEqual(['Work']);
    expect(store.current?.workspace.id).toBe(workspace.id);
    const policy = { protected: true } as unknown as SecretsPolicy;
    answerPolicy(ok(policy));
    await connected;
    expect(store.secrets).toEqual(policy);
  });
});
