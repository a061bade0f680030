import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { AuthUser } from '@app/org';
import { unitInScope } from '../access/jurisdiction';
import { PlanVisibility } from '../access/plan-visibility';
import { periodRange } from '../periods/period-range';
import { DashboardDb, num } from '../sql/dashboard-db';
import { countsOf, reportStateSql, ReportState, STATE_SUMS, StateCounts, worstState } from '../sql/report-state';
import { dbTime, Fragment, inList, raw, sql } from '../sql/sql';

export interface MatrixCell {
  period: string;
  /** The worst state among the unit's reports of the period (missing > late > not due > on time > 无此项任务). */
  state: ReportState;
  counts: StateCounts;
}

export interface MatrixRow {
  unitId: number;
  unitName: string;
  cells: MatrixCell[];
}

export interface SubmissionMatrix {
  periods: string[];
  total: number;
  rows: MatrixRow[];
}

export interface MatrixFilter {
  planId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * 报送情况矩阵: units × periods. Units are paged first (those in view with reports in the range, in tree order),
 * then only their reports are aggregated, so a page costs the same however many units the office oversees.
 */
@Injectable()
export class SubmissionMatrixQuery {
  constructor(
    private readonly db: DashboardDb,
    private readonly plans: PlanVisibility,
    private readonly clock: Clock,
  ) {}

  async matrix(user: Pick<AuthUser, 'scope'>, filter: MatrixFilter): Promise<SubmissionMatrix> {
    if (filter.planId !== undefined) {
      await this.plans.assertVisible(user.scope, filter.planId);
    }
    const now = this.clock.now();
    const range = periodRange(now, filter.from, filter.to);
    const inRange = sql`o.period_start BETWEEN ${range.firstStart} AND ${range.lastStart}
      ${filter.planId === undefined ? raw('') : sql`AND o.plan_id = ${filter.planId}`}`;
    const unitsWhere: Fragment = sql`${unitInScope(user.scope, 'u', 'u.id')}
      AND EXISTS (SELECT 1 FROM reporting_obligation o WHERE o.unit_id = u.id AND ${inRange})`;
    const [count, units] = await Promise.all([
      this.db.rows<{ n: unknown }>(sql`SELECT COUNT(*) AS n FROM unit u WHERE ${unitsWhere}`),
      this.db.rows<{ id: unknown; name: string }>(sql`
        SELECT u.id, u.name FROM unit u WHERE ${unitsWhere}
        ORDER BY u.path LIMIT ${filter.limit} OFFSET ${filter.offset}`),
    ]);
    const unitIds = units.map((u) => num(u.id));
    const cells = await this.db.rows<Record<string, unknown>>(sql`
      SELECT x.unit_id, x.period, MIN(x.period_start) AS period_start, ${raw(STATE_SUMS)}
      FROM (
        SELECT o.unit_id, o.period, o.period_start, ${reportStateSql(dbTime(now))} AS state
        FROM reporting_obligation o
        LEFT JOIN reporting_submission s ON s.id = o.current_submission_id
        WHERE o.unit_id IN ${inList(unitIds)} AND ${inRange}
      ) x
      GROUP BY x.unit_id, x.period`);
    const periods = [...new Map(cells.map((c) => [String(c.period), String(c.period_start)]))]
      .sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))
      .map(([period]) => period);
    return {
      periods,
      total: num(count[0]?.n),
      rows: units.map((unit) => ({
        unitId: num(unit.id),
        unitName: unit.name,
        cells: cells
          .filter((c) => num(c.unit_id) === num(unit.id))
          .map((c) => {
            const counts = countsOf(c);
            return { period: String(c.period), state: worstState(counts) ?? 'not_due', counts };
          })
          .sort((a, b) => periods.indexOf(a.period) - periods.indexOf(b.period)),
      })),
    };
  }
}
