import type { AccessScope } from '@app/org';
import { periodStartDate } from '@app/reporting';
import { DashboardDb, num } from './dashboard-db';
import { StateCounts } from './report-state';
import { dbTime, Fragment, inList, raw, sql } from './sql';

export type CountKey = 'plan_id' | 'unit_id' | 'period';

export interface ReportCountRow {
  /** The grouping columns asked for (numbers for ids, the period as text). */
  keys: Partial<Record<CountKey, number | string>>;
  total: number;
  counts: StateCounts;
}

export interface CountFilter {
  /** The periods counted (`YYYY-MM`, `YYYY-Qn`). */
  periods: readonly string[];
  planId?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reports by state (those of `reportStateSql`), grouped as asked, for the figures that cover a whole period or
 * several: the overview, trends and the league table (1.8M reports in the benchmark). Nothing is read but indexes:
 * - every column the states need is in `ix_reporting_obligation_period_state`, read by period;
 * - 无此项任务 is found by probing the ids of the no-task submissions made since the first period began (a short
 *   list, from `ix_reporting_submission_kind_time`) instead of looking up each report's submission;
 * - the scope is tested on plans first: a plan of a government inside the caller's subtree has only units inside
 *   it (publication and the office's unit mapping keep a plan's units within its government's subtree), so only
 *   the reports of other plans are checked unit by unit.
 */
export async function countReports(
  db: DashboardDb,
  scope: AccessScope,
  filter: CountFilter,
  groupBy: readonly CountKey[],
  now: Date,
): Promise<ReportCountRow[]> {
  if (filter.periods.length === 0) {
    return [];
  }
  const firstStart = filter.periods.map(periodStartDate).sort()[0];
  // A period's reports are made once it has begun (a day early covers Asia/Shanghai against UTC).
  const since = dbTime(new Date(Date.parse(`${firstStart}T00:00:00Z`) - DAY_MS));
  const noTask = sql`(SELECT s.id FROM reporting_submission s WHERE s.kind = 'no_task' AND s.submitted_at >= ${since})`;
  const keys = raw(groupBy.map((k) => `o.${k}`).join(', '));
  const rows = await db.rows<Record<string, unknown>>(sql`
    SELECT ${keys}, COUNT(*) AS total,
      SUM(CASE WHEN o.status IN ('submitted', 'accepted') AND o.late = 0 THEN 1 ELSE 0 END) AS done_on_time,
      SUM(CASE WHEN o.status IN ('submitted', 'accepted') AND o.late = 1 THEN 1 ELSE 0 END) AS done_late,
      SUM(CASE WHEN o.status IN ('submitted', 'accepted') AND o.current_submission_id IN ${noTask}
        THEN 1 ELSE 0 END) AS no_task,
      SUM(CASE WHEN o.status IN ('submitted', 'accepted') AND o.late = 1 AND o.current_submission_id IN ${noTask}
        THEN 1 ELSE 0 END) AS no_task_late,
      SUM(CASE WHEN o.status IN ('waived', 'cancelled') THEN 1 ELSE 0 END) AS waived,
      SUM(CASE WHEN o.status IN ('open', 'returned') AND o.due_at <= ${dbTime(now)} THEN 1 ELSE 0 END) AS missing,
      SUM(CASE WHEN o.status IN ('open', 'returned') AND o.due_at > ${dbTime(now)} THEN 1 ELSE 0 END) AS not_due
    FROM reporting_obligation o
    WHERE o.period IN ${inList(filter.periods)}
      ${filter.planId === undefined ? raw('') : sql`AND o.plan_id = ${filter.planId}`}
      AND ${await inScope(db, scope)}
    GROUP BY ${keys}`);
  return rows.map((row) => {
    const noTaskLate = num(row.no_task_late);
    const noTaskOnTime = num(row.no_task) - noTaskLate;
    return {
      keys: Object.fromEntries(groupBy.map((k) => [k, k === 'period' ? String(row[k]) : num(row[k])])),
      total: num(row.total),
      counts: {
        on_time: num(row.done_on_time) - noTaskOnTime,
        late: num(row.done_late) - noTaskLate,
        missing: num(row.missing),
        nothing_to_report: num(row.waived) + num(row.no_task),
        not_due: num(row.not_due),
      },
    };
  });
}

async function inScope(db: DashboardDb, scope: AccessScope): Promise<Fragment> {
  switch (scope.kind) {
    case 'all':
      return raw('1 = 1');
    case 'unit':
      return sql`o.unit_id = ${scope.unitId}`;
    case 'subtree': {
      const prefix = `${scope.rootPath}%`;
      const covered = await db.rows<{ id: unknown }>(sql`
        SELECT p.id FROM plan p JOIN unit g ON g.id = p.government_id WHERE g.path LIKE ${prefix}`);
      return sql`(o.plan_id IN ${inList(covered.map((p) => num(p.id)))}
        OR o.unit_id IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix}))`;
    }
  }
}
