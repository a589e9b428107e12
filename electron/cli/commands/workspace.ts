import type { Command } from 'commander';
import type { Workspace } from '../../../shared/model/workspace';
import { isSecretHeader } from '../../../shared/model/headers';
import { REDACTED } from '../../core/redact';
import { defaultDataDir } from '../../core/app-info';
import { UsageError } from '../watch-config';
import { findWorkspace, listSavedWorkspaces } from '../workspace-source';

const EXIT_USAGE = 2;

interface DataDirOption {
  dataDir?: string;
  json?: boolean;
}

/** A workspace as text, secrets masked: what `workspace show` prints. */
export function describeWorkspace(workspace: Workspace): string {
  const lines = [`${workspace.name}  (id ${workspace.id}, updated ${workspace.updatedAt})`];
  if (workspace.variables.length) {
    lines.push('', 'Variables:');
    for (const v of workspace.variables)
      lines.push(`  ${v.name} = ${v.secret ? REDACTED : v.value}`);
  }
  lines.push('', workspace.endpoints.length ? 'Endpoints:' : 'No endpoints.');
  for (const e of workspace.endpoints) {
    lines.push(`  ${e.name}`, `    ${e.method} ${e.url}`);
    for (const h of e.headers) {
      lines.push(
        `    ${h.enabled ? '' : '(off) '}${h.name}: ${isSecretHeader(h) ? REDACTED : h.value}`,
      );
    }
    if (e.body.kind !== 'none')
      lines.push(`    body: ${e.body.kind}, ${e.body.text.length} characters`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same, as JSON for scripts, with secret values masked. */
function maskedJson(workspace: Workspace): string {
  const masked: Workspace = {
    ...workspace,
    variables: workspace.variables.map((v) => (v.secret ? { ...v, value: REDACTED } : v)),
    endpoints: workspace.endpoints.map((e) => ({
      ...e,
      headers: e.headers.map((h) => (isSecretHeader(h) ? { ...h, value: REDACTED } : h)),
    })),
  };
  return `${JSON.stringify(masked, null, 2)}\n`;
}

/** `eventscope workspace list|show`: saved workspaces from the terminal. */
export function registerWorkspaceCommand(program: Command): void {
  const workspace = program
    .command('workspace')
    .description('List and show saved endpoint workspaces.');
  workspace
    .command('list')
    .description('List the workspaces saved in the data directory.')
    .option('--data-dir <dir>', 'data directory (default: the app’s, or $EVENTSCOPE_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: DataDirOption) => {
      const dataDir = options.dataDir ?? defaultDataDir();
      const saved = await listSavedWorkspaces(dataDir);
      if (options.json) {
        const rows = saved.map(({ workspace: w }) => ({
          id: w.id,
          name: w.name,
          endpoints: w.endpoints.length,
          updatedAt: w.updatedAt,
        }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (saved.length === 0) {
        process.stdout.write(`No workspaces in ${dataDir}.\n`);
        return;
      }
      for (const { workspace: w } of saved) {
        process.stdout.write(`${w.name}\t${w.endpoints.length} endpoint(s)\t${w.id}\n`);
      }
    });
  workspace
    .command('show')
    .description('Show a workspace (a file, or the name or id of a saved one); secrets are masked.')
    .argument('<workspace>', 'workspace file, export file, name or id')
    .option('--data-dir <dir>', 'data directory (default: the app’s, or $EVENTSCOPE_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (ref: string, options: DataDirOption, cmd: Command) => {
      try {
        const found = await findWorkspace(ref, options.dataDir ?? defaultDataDir());
        process.stdout.write(
          options.json ? maskedJson(found.workspace) : describeWorkspace(found.workspace),
        );
      } catch (error) {
        if (error instanceof UsageError)
          cmd.error(`error: ${error.message}`, { exitCode: EXIT_USAGE });
        throw error;
      }
    });
}
