import type { Environment, Variable } from '../../../shared/model/workspace';
import { VARIABLE_NAME_PATTERN } from '../../../shared/model/workspace-defaults';

/** Checks of the variables and environments form, by table (null = workspace variables). */
export type VariablesProblem =
  | { table: string | null; index: number; code: 'invalid-name' | 'duplicate-name' }
  | { table: string; index: -1; code: 'empty-environment-name' };

/** Rows left completely empty are dropped on save, so they are not problems. */
export function isBlank(variable: Variable): boolean {
  return variable.name.trim() === '' && variable.value === '';
}

export function checkVariables(
  variables: readonly Variable[],
  environments: readonly Environment[],
): VariablesProblem[] {
  const problems: VariablesProblem[] = [];
  const checkTable = (table: string | null, rows: readonly Variable[]) => {
    const seen = new Set<string>();
    rows.forEach((variable, index) => {
      if (isBlank(variable)) return;
      const name = variable.name.trim();
      if (!VARIABLE_NAME_PATTERN.test(name)) {
        problems.push({ table, index, code: 'invalid-name' });
      } else if (seen.has(name)) {
        problems.push({ table, index, code: 'duplicate-name' });
      }
      seen.add(name);
    });
  };
  checkTable(null, variables);
  for (const environment of environments) {
    if (environment.name.trim() === '') {
      problems.push({ table: environment.id, index: -1, code: 'empty-environment-name' });
    }
    checkTable(environment.id, environment.variables);
  }
  return problems;
}

/** The rows as saved: blank ones dropped, names trimmed. */
export function finishVariables(rows: readonly Variable[]): Variable[] {
  return rows.filter((v) => !isBlank(v)).map((v) => ({ ...v, name: v.name.trim() }));
}
