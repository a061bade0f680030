import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { AuthUser } from '@app/org';
import { periodEndDate } from '@app/reporting';
import { needsUnitJoin, unitInScope } from '../access/jurisdiction';
import { PlanVisibility } from '../access/plan-visibility';
import { periodRange, periodsIn } from '../periods/period-range';
import { DashboardDb, num } from '../sql/dashboard-db';
import { countReports } from '../sql/report-counts';
import { emptyCounts } from '../sql/report-state';
import { dbTime, inList, raw, sql } from '../sql/sql';
import { honourList, LeagueEntry, UnitRecord, warnedList } from './league-ranking';

export interface LeagueTable {
  from: string;
  to: string;
  /** 红榜. */
  honour: LeagueEntry[];
  /** 黄榜. */
  warned: LeagueEntry[];
}

export interface LeagueFilter {
  planId?: number;
  from?: string;
  to?: string;
  limit: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 红黄榜: over a range of periods (by default this year up to the current month), the units most warned and
 * supervised, and the best ones.
 */
@Injectable()
export class LeagueTableQuery {
  constructor(
    private readonly db: DashboardDb,
    private readonly plans: PlanVisibility,
    private readonly clock: Clock,
  ) {}

  async table(user: Pick<AuthUser, 'scope'>, filter: LeagueFilter): Promise<LeagueTable> {
    if (filter.planId !== undefined) {
      await this.plans.assertVisible(user.scope, filter.planId);
    }
    const now = this.clock.now();
    const range = periodRange(now, filter.from, filter.to, true);
    // Warnings, cases and interviews dated within the range's days in Asia/Shanghai.
    const start = dbTime(new Date(`${range.firstStart}T00:00:00+08:00`));
    const end = dbTime(new Date(Date.parse(`${periodEndDate(range.to)}T00:00:00+08:00`) + DAY_MS));
    const scope = user.scope;
    const join = (alias: string) => (needsUnitJoin(scope) ? raw(`JOIN unit u ON u.id = ${alias}.unit_id`) : raw(''));
    const plan = (column: string) =>
      filter.planId === undefined ? raw('') : sql`AND ${raw(column)} = ${filter.planId}`;
    const [warnings, cases, interviews, reports] = await Promise.all([
      this.db.rows<Record<string, unknown>>(sql`
        SELECT w.unit_id,
          SUM(CASE WHEN w.kind = 'yellow' THEN 1 ELSE 0 END) AS yellow,
          SUM(CASE WHEN w.kind = 'red' THEN 1 ELSE 0 END) AS red,
          SUM(CASE WHEN w.kind = 'progress_lag' THEN 1 ELSE 0 END) AS lag
        FROM warning w ${join('w')}
        WHERE w.issued_at >= ${start} AND w.issued_at < ${end} AND ${unitInScope(scope, 'u', 'w.unit_id')}
          ${plan('w.plan_id')}
        GROUP BY w.unit_id`),
      this.db.rows<Record<string, unknown>>(sql`
        SELECT c.unit_id, COUNT(*) AS n FROM supervision_case c ${join('c')}
        WHERE c.opened_at >= ${start} AND c.opened_at < ${end} AND ${unitInScope(scope, 'u', 'c.unit_id')}
          ${plan('c.plan_id')}
        GROUP BY c.unit_id`),
      this.db.rows<Record<string, unknown>>(sql`
        SELECT i.unit_id, COUNT(*) AS n FROM interview i ${join('i')}
        ${filter.planId === undefined ? raw('') : raw('JOIN supervision_case c ON c.id = i.case_id')}
        WHERE i.status <> 'cancelled' AND i.created_at >= ${start} AND i.created_at < ${end}
          AND ${unitInScope(scope, 'u', 'i.unit_id')} ${plan('c.plan_id')}
        GROUP BY i.unit_id`),
      countReports(this.db, scope, { periods: periodsIn(range), planId: filter.planId }, ['unit_id'], now),
    ]);
    const records = new Map<number, UnitRecord>();
    const record = (unitId: unknown): UnitRecord => {
      const id = num(unitId);
      let found = records.get(id);
      if (!found) {
        found = {
          unitId: id,
          unitName: '',
          yellowWarnings: 0,
          redWarnings: 0,
          progressLagWarnings: 0,
          cases: 0,
          interviews: 0,
          counts: emptyCounts(),
        };
        records.set(id, found);
      }
      return found;
    };
    for (const row of warnings) {
      Object.assign(record(row.unit_id), {
        yellowWarnings: num(row.yellow),
        redWarnings: num(row.red),
        progressLagWarnings: num(row.lag),
      });
    }
    for (const row of cases) {
      record(row.unit_id).cases = num(row.n);
    }
    for (const row of interviews) {
      record(row.unit_id).interviews = num(row.n);
    }
    for (const row of reports) {
      record(row.keys.unit_id).counts = row.counts;
    }
    const names = await this.db.rows<{ id: unknown; name: string }>(
      sql`SELECT u.id, u.name FROM unit u WHERE u.id IN ${inList([...records.keys()])}`,
    );
    for (const row of names) {
      record(row.id).unitName = row.name;
    }
    const all = [...records.values()];
    return {
      from: range.from,
      to: range.to,
      honour: honourList(all, filter.limit),
      warned: warnedList(all, filter.limit),
    };
  }
}
