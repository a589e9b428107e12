import { describeIssues } from '../validation';
import { isSecretHeader, isSecretHeaderName } from './headers';
import { describe, expect, it } from 'vitest';
import {
  WorkspaceSchema,
  createEndpoint,
  createHeader,
  createWorkspace,
  type Workspace,
} from './workspace';

function sampleWorkspace(): Workspace {
  let n = 0;
  const newId = () => `id-${++n}`;
  const workspace = createWorkspace('Sample', new Date('2026-01-02T03:04:05.000Z'), newId);
  const endpoint = createEndpoint({ name: 'Chat', url: '{{base}}/chat', method: 'POST' }, newId);
  endpoint.headers.push(createHeader('Authorization', 'Bearer {{token}}'));
  workspace.endpoints.push(endpoint);
  workspace.variables.push({ name: 'base', value: 'http://127.0.0.1:1', secret: false });
  return workspace;
}

describe('workspace model', () => {
  it('accepts a workspace built by the factories', () => {
    const workspace = sampleWorkspace();
    expect(WorkspaceSchema.parse(workspace)).toEqual(workspace);
  });

  it('gives new POST endpoints a retry policy that does not reconnect after a clean end', () => {
    const endpoint = createEndpoint({ name: 'x', url: 'http://h/', method: 'POST' });
    expect(endpoint.retry.reconnectOnEnd).toBe(false);
    expect(createEndpoint({ name: 'y', url: 'http://h/' }).retry.reconnectOnEnd).toBe(true);
  });

  it('rejects ids that are not safe as file names', () => {
    for (const id of [
      '../evil',
      'a/b',
      '',
      '.hidden',
      'x'.repeat(65),
      'con:1',
      'CON',
      'nul',
      'Com1',
    ]) {
      const workspace = { ...sampleWorkspace(), id };
      expect(WorkspaceSchema.safeParse(workspace).success, id).toBe(false);
    }
  });

  it('rejects duplicate endpoint ids and duplicate variable names', () => {
    const workspace = sampleWorkspace();
    const endpoint = workspace.endpoints[0]!;
    const duplicated = {
      ...workspace,
      endpoints: [endpoint, { ...endpoint }],
      variables: [...workspace.variables, { name: 'base', value: 'other', secret: false }],
    };
    const result = WorkspaceSchema.safeParse(duplicated);
    expect(result.success).toBe(false);
    const message = result.success ? '' : describeIssues(result.error);
    expect(message).toContain('duplicate endpoint id');
    expect(message).toContain('duplicate variable "base"');
  });

  it('describes schema failures by path without quoting the offending value', () => {
    const workspace = sampleWorkspace();
    const bad = { ...workspace, variables: [{ name: '1 bad', value: 'hunter2', secret: 'yes' }] };
    const result = WorkspaceSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const message = result.success ? '' : describeIssues(result.error);
    expect(message).toMatch(/variables\.0\.(name|secret)/);
    expect(message).not.toContain('hunter2');
  });

  it('treats Authorization, Cookie and X-Api-Key-like headers as secret whatever their flag', () => {
    for (const name of [
      'Authorization',
      'proxy-authorization',
      'Cookie',
      'X-Api-Key',
      'x-api_key',
      'X-Auth-Token',
      'X-Access-Token',
      'X-Client-Secret',
      'Api-Key',
    ]) {
      expect(isSecretHeaderName(name), name).toBe(true);
      expect(isSecretHeader({ name, secret: false }), name).toBe(true);
    }
    for (const name of ['Accept', 'Content-Type', 'Last-Event-ID', 'X-Request-Id', 'Author']) {
      expect(isSecretHeaderName(name), name).toBe(false);
    }
    expect(createHeader('Cookie', 'a=1').secret).toBe(true);
    expect(createHeader('Accept', 'text/event-stream').secret).toBe(false);
  });
});
