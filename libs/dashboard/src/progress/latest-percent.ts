import type { AccessScope } from '@app/org';
import { Fragment, raw, sql } from '../sql/sql';

/**
 * `latest(task_id, unit_id, percent)`: the % complete each unit last reported on each task (of the plan, when one
 * is given): the current submission of its most recent period that carries a percentage (a 无此项任务 or 本期无新进展
 * report carries none, so an earlier figure stands). Reports waiting for review count: they are the unit's latest
 * word. A unit's own view reads only its own reports; wider scopes are cut by the query that joins this.
 */
export function latestPercentCte(planId: number | null, scope: AccessScope): Fragment {
  return sql`latest AS (
    SELECT ranked.task_id, ranked.unit_id, ranked.percent
    FROM (
      SELECT o.task_id, o.unit_id, s.percent_complete AS percent,
        ROW_NUMBER() OVER (PARTITION BY o.task_id, o.unit_id ORDER BY o.period_start DESC, s.round DESC) AS rn
      FROM reporting_obligation o
      JOIN reporting_submission s ON s.id = o.current_submission_id
      WHERE s.percent_complete IS NOT NULL ${planId === null ? raw('') : sql`AND o.plan_id = ${planId}`}
        ${scope.kind === 'unit' ? sql`AND o.unit_id = ${scope.unitId}` : raw('')}
    ) ranked
    WHERE ranked.rn = 1
  )`;
}
