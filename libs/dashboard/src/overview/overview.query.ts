import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { AuthUser } from '@app/org';
import { needsUnitJoin, unitInScope } from '../access/jurisdiction';
import { PlanVisibility } from '../access/plan-visibility';
import { Light, lightsBy, LightSignals } from '../lights/light-signals';
import { checkPeriod, currentReportingPeriod } from '../periods/period-range';
import { DashboardDb, num } from '../sql/dashboard-db';
import { countReports } from '../sql/report-counts';
import { addCounts, emptyCounts, onTimeRate, StateCounts } from '../sql/report-state';
import { Fragment, inList, raw, sql } from '../sql/sql';

export interface ReportFigures {
  counts: StateCounts;
  total: number;
  onTimeRate: number | null;
}

export interface PlanOverview extends ReportFigures {
  planId: number;
  title: string;
  tasks: number;
  completedTasks: number;
  units: number;
}

export interface DashboardOverview {
  asOf: Date;
  period: string;
  totals: ReportFigures & { units: number };
  plans: PlanOverview[];
  /** Units in view by light: those with reports in the period, and those with a warning or case in force. */
  lights: Record<Light, number>;
  /** Warnings issued about this period's reports. */
  warnings: { yellow: number; red: number; progressLag: number };
  openCases: number;
}

export interface OverviewFilter {
  planId?: number;
  period?: string;
}

/**
 * 总览: one period's reports by state, per plan and in total, with the units' lights. The reports are counted in
 * one pass over the period's obligations, grouped by plan and unit (see `countReports`), so the distinct units
 * come with the counts.
 */
@Injectable()
export class OverviewQuery {
  constructor(
    private readonly db: DashboardDb,
    private readonly plans: PlanVisibility,
    private readonly signals: LightSignals,
    private readonly clock: Clock,
  ) {}

  async overview(user: Pick<AuthUser, 'scope'>, filter: OverviewFilter): Promise<DashboardOverview> {
    if (filter.planId !== undefined) {
      await this.plans.assertVisible(user.scope, filter.planId);
    }
    const now = this.clock.now();
    const period = filter.period === undefined ? currentReportingPeriod(now) : checkPeriod('period', filter.period);
    const scope = user.scope;
    const planFilter = filter.planId === undefined ? raw('') : sql`AND o.plan_id = ${filter.planId}`;
    const [rows, signals, warningRows, caseRows] = await Promise.all([
      countReports(this.db, scope, { periods: [period], planId: filter.planId }, ['plan_id', 'unit_id'], now),
      this.signals.load(scope, filter.planId, now),
      this.db.rows<{ kind: string; n: unknown }>(sql`
        SELECT w.kind, COUNT(*) AS n
        FROM warning w
        JOIN reporting_obligation o ON o.id = w.obligation_id
        ${needsUnitJoin(scope) ? raw('JOIN unit u ON u.id = w.unit_id') : raw('')}
        WHERE o.period = ${period} ${planFilter} AND ${unitInScope(scope, 'u', 'w.unit_id')}
        GROUP BY w.kind`),
      this.db.rows<{ n: unknown }>(sql`
        SELECT COUNT(*) AS n FROM supervision_case c
        ${needsUnitJoin(scope) ? raw('JOIN unit u ON u.id = c.unit_id') : raw('')}
        WHERE c.status <> 'closed' AND ${unitInScope(scope, 'u', 'c.unit_id')}
          ${filter.planId === undefined ? raw('') : sql`AND c.plan_id = ${filter.planId}`}`),
    ]);

    const byPlan = new Map<number, { counts: StateCounts; total: number; units: number }>();
    const units = new Set<number>();
    const totals = emptyCounts();
    let total = 0;
    for (const row of rows) {
      const planId = Number(row.keys.plan_id);
      const entry = byPlan.get(planId) ?? { counts: emptyCounts(), total: 0, units: 0 };
      addCounts(entry.counts, row.counts);
      entry.total += row.total;
      entry.units += 1;
      byPlan.set(planId, entry);
      addCounts(totals, row.counts);
      total += row.total;
      units.add(Number(row.keys.unit_id));
    }

    const unitLights = lightsBy(signals, 'unitId');
    for (const unitId of unitLights.keys()) {
      units.add(unitId);
    }
    const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
    for (const unitId of units) {
      lights[unitLights.get(unitId) ?? 'green'] += 1;
    }

    return {
      asOf: now,
      period,
      totals: { counts: totals, total, onTimeRate: onTimeRate(totals), units: units.size },
      plans: await this.planRows(user, byPlan),
      lights,
      warnings: {
        yellow: num(warningRows.find((r) => r.kind === 'yellow')?.n),
        red: num(warningRows.find((r) => r.kind === 'red')?.n),
        progressLag: num(warningRows.find((r) => r.kind === 'progress_lag')?.n),
      },
      openCases: num(caseRows[0]?.n),
    };
  }

  /**
   * Titles and task completion of the plans that had reports in the period. Tasks are cut to the caller's scope,
   * which for a plan of a government inside it (the usual case) is every task: only other plans pay for the test.
   */
  private async planRows(
    user: Pick<AuthUser, 'scope'>,
    byPlan: Map<number, { counts: StateCounts; total: number; units: number }>,
  ): Promise<PlanOverview[]> {
    if (byPlan.size === 0) {
      return [];
    }
    const scope = user.scope;
    const plans = await this.db.rows<{ id: unknown; title: string; government_path: string }>(sql`
      SELECT p.id, p.title, g.path AS government_path FROM plan p JOIN unit g ON g.id = p.government_id
      WHERE p.id IN ${inList([...byPlan.keys()])}
      ORDER BY p.id`);
    const whole = (path: string) =>
      scope.kind === 'all' || (scope.kind === 'subtree' && path.startsWith(scope.rootPath));
    const wholeIds = plans.filter((p) => whole(p.government_path)).map((p) => num(p.id));
    const partIds = plans.filter((p) => !whole(p.government_path)).map((p) => num(p.id));
    const taskCounts = (ids: number[], inScope: Fragment) =>
      ids.length === 0
        ? Promise.resolve([])
        : this.db.rows<{ plan_id: unknown; tasks: unknown; completed: unknown }>(sql`
            SELECT t.plan_id, COUNT(*) AS tasks, SUM(CASE WHEN t.status = 'completed' THEN 1 ELSE 0 END) AS completed
            FROM task t
            WHERE t.plan_id IN ${inList(ids)} AND t.status <> 'cancelled' ${inScope}
            GROUP BY t.plan_id`);
    const counts = [
      ...(await taskCounts(wholeIds, raw(''))),
      ...(await taskCounts(
        partIds,
        sql`AND EXISTS (
          SELECT 1 FROM assignment a ${needsUnitJoin(scope) ? raw('JOIN unit u ON u.id = a.unit_id') : raw('')}
          WHERE a.task_id = t.id AND ${unitInScope(scope, 'u', 'a.unit_id')})`,
      )),
    ];
    return plans.map((plan) => {
      const id = num(plan.id);
      const figures = byPlan.get(id) ?? { counts: emptyCounts(), total: 0, units: 0 };
      const tasks = counts.find((c) => num(c.plan_id) === id);
      return {
        planId: id,
        title: plan.title,
        tasks: num(tasks?.tasks),
        completedTasks: num(tasks?.completed),
        units: figures.units,
        counts: figures.counts,
        total: figures.total,
        onTimeRate: onTimeRate(figures.counts),
      };
    });
  }
}
