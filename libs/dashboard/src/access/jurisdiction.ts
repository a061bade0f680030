import type { AccessScope } from '@app/org';
import { Fragment, raw, sql } from '../sql/sql';

/**
 * Restricts rows to the units a scope covers. `unitAlias` is the joined `unit` row (needed for a subtree, whose
 * test is a prefix of the materialised path); `unitIdColumn` is the row's own unit column, compared directly for a
 * single unit so the query can use that column's index.
 */
export function unitInScope(scope: AccessScope, unitAlias: string, unitIdColumn: string): Fragment {
  switch (scope.kind) {
    case 'all':
      return raw('1 = 1');
    case 'subtree':
      return sql`${raw(unitAlias)}.path LIKE ${`${scope.rootPath}%`}`;
    case 'unit':
      return sql`${raw(unitIdColumn)} = ${scope.unitId}`;
  }
}

/** Whether the condition of `unitInScope` needs the `unit` row joined. */
export function needsUnitJoin(scope: AccessScope): boolean {
  return scope.kind === 'subtree';
}
