import type { Environment, Variable, Workspace } from './workspace';

/**
 * Which values `{{name}}` resolves to: the workspace's own variables, overridden name by name by
 * the active environment's (so `base` can be http://127.0.0.1 in "local" and a real host in
 * "production" while a shared `model` stays in the workspace).
 */

/**
 * `{{eventscope.demo}}`: the base URL of the built-in demo server, filled in by the Node side
 * when an endpoint uses it (the server starts on demand), never defined by the user.
 */
export const DEMO_URL_VARIABLE = 'eventscope.demo';
export const BUILT_IN_VARIABLE_NAMES: readonly string[] = [DEMO_URL_VARIABLE];

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
