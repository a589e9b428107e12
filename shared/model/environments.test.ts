import { describe, expect, it } from 'vitest';
import { effectiveVariables } from './environments';
import { createWorkspace, WorkspaceSchema } from './workspace';

function workspace() {
  const w = createWorkspace('W');
  w.variables = [
    { name: 'base', value: 'http://127.0.0.1:1', secret: false },
    { name: 'model', value: 'small', secret: false },
  ];
  w.environments = [
    {
      id: 'staging',
      name: 'Staging',
      variables: [{ name: 'base', value: 'https://staging.example', secret: false }],
    },
    {
      id: 'prod',
      name: 'Production',
      variables: [{ name: 'token', value: 'sk-prod', secret: true }],
    },
  ];
  return w;
}

describe('environments', () => {
  it('resolves workspace variables alone when no environment is active', () => {
    expect(effectiveVariables(workspace()).map((v) => `${v.name}=${v.value}`)).toEqual([
      'base=http://127.0.0.1:1',
      'model=small',
    ]);
  });

  it('lets the active environment override and add variables by name', () => {
    const staging = { ...workspace(), activeEnvironmentId: 'staging' };
    expect(effectiveVariables(staging).map((v) => `${v.name}=${v.value}`)).toEqual([
      'model=small',
      'base=https://staging.example',
    ]);
    const prod = { ...workspace(), activeEnvironmentId: 'prod' };
    expect(effectiveVariables(prod).find((v) => v.name === 'token')).toMatchObject({
      secret: true,
    });
  });

  it('refuses an active environment that does not exist and accepts files without environments', () => {
    const broken = WorkspaceSchema.safeParse({ ...workspace(), activeEnvironmentId: 'gone' });
    expect(broken.success).toBe(false);
    const { environments: _e, activeEnvironmentId: _a, ...old } = workspace();
    const parsed = WorkspaceSchema.parse(old);
    expect(parsed.environments).toEqual([]);
    expect(parsed.activeEnvironmentId).toBeNull();
  });
});
