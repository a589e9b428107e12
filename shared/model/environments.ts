import type { Environment, Variable, Workspace } from './workspace';

/**
 * Which values `{{name}}` resolves to: the workspace's own variables, overridden name by name by
 * the active environment's (so `base` can be http://127.0.0.1 in "local" and a real host in
 * "production" while a shared `model` stays in the workspace).
 */

export function activeEnvironment(
  workspace: Pick<Workspace, 'environments' | 'activeEnvironmentId'>,
): Environment | null {
  return workspace.environments.find((e) => e.id === workspace.activeEnvironmentId) ?? null;
}

export function effectiveVariables(
  workspace: Pick<Workspace, 'variables' | 'environments' | 'activeEnvironmentId'>,
): Variable[] {
  const overrides = activeEnvironment(workspace)?.variables ?? [];
  const overridden = new Set(overrides.map((v) => v.name));
  return [...workspace.variables.filter((v) => !overridden.has(v.name)), ...overrides];
}
