import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../shared/model/workspace';
import { importText } from '../workspaces/import-text';
import { importPostmanEnvironment } from './postman-environment';
import { messages } from '../../../tests/support/import-notes';

const STAGING = {
  id: '5c1b…',
  name: 'Staging',
  values: [
    { key: 'base', value: 'https://staging.example', type: 'default', enabled: true },
    { key: 'token', value: 'sk-staging', type: 'secret', enabled: true },
    { key: 'apiKey', value: 'k-1', type: 'default', enabled: true },
    { key: 'old', value: 'x', type: 'default', enabled: false },
    { key: 'has space', value: 'x', type: 'default', enabled: true },
    { key: 'retries', value: 3, type: 'default', enabled: true },
  ],
  _postman_variable_scope: 'environment',
  _postman_exported_using: 'Postman/11.0.0',
};

describe('importing a Postman environment', () => {
  it('maps enabled values to variables, secret type and credential names to secrets', () => {
    const result = importPostmanEnvironment(STAGING, () => 'env-1');
    expect(result).toMatchObject({
      ok: true,
      environment: {
        id: 'env-1',
        name: 'Staging',
        variables: [
          { name: 'base', value: 'https://staging.example', secret: false },
          { name: 'token', value: 'sk-staging', secret: true },
          { name: 'apiKey', value: 'k-1', secret: true },
          { name: 'retries', value: '3', secret: false },
        ],
      },
    });
    if (!result.ok) return;
    expect(messages(result.warnings)).toEqual([
      '"old" is disabled in Postman and was not imported.',
      '"has space" cannot be a variable name here ({{name}} uses letters, digits, _ . -).',
    ]);
  });

  it('adds it to the chosen workspace and makes it active when none was', () => {
    const target = createWorkspace('Team');
    const first = importText(JSON.stringify(STAGING), target);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.workspace.environments.map((e) => e.name)).toEqual(['Staging']);
    expect(first.workspace.activeEnvironmentId).toBe(first.workspace.environments[0]?.id);

    const second = importText(JSON.stringify(STAGING), first.workspace);
    if (!second.ok) throw new Error(second.message);
    expect(second.workspace.environments.map((e) => e.name)).toEqual([
      'Staging',
      'Staging (imported)',
    ]);
    expect(second.workspace.activeEnvironmentId).toBe(first.workspace.activeEnvironmentId);
  });

  it('says clearly when the file is an environment it cannot read', () => {
    const result = importText(
      JSON.stringify({ _postman_variable_scope: 'environment', values: 'nope' }),
      null,
    );
    expect(result).toMatchObject({ ok: false, message: /Postman environment could not be read/ });
  });
});
