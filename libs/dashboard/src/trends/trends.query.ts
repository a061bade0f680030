import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { AuthUser } from '@app/org';
import { PlanVisibility } from '../access/plan-visibility';
import { periodRange, periodsIn } from '../periods/period-range';
import { DashboardDb } from '../sql/dashboard-db';
import { countReports } from '../sql/report-counts';
import { onTimeRate, StateCounts } from '../sql/report-state';

export interface TrendPoint {
  period: string;
  counts: StateCounts;
  total: number;
  onTimeRate: number | null;
}

export interface TrendFilter {
  planId?: number;
  from?: string;
  to?: string;
}

/** 月度趋势: the on-time rate of each month's reports (quarterly reports are left to their quarter's figures). */
@Injectable()
export class TrendsQuery {
  constructor(
    private readonly db: DashboardDb,
    private readonly plans: PlanVisibility,
    private readonly clock: Clock,
  ) {}

  async monthly(user: Pick<AuthUser, 'scope'>, filter: TrendFilter): Promise<TrendPoint[]> {
    if (filter.planId !== undefined) {
      await this.plans.assertVisible(user.scope, filter.planId);
    }
    const now = this.clock.now();
    const range = periodRange(now, filter.from, filter.to);
    const rows = await countReports(
      this.db,
      user.scope,
      { periods: periodsIn(range, ['monthly']), planId: filter.planId },
      ['period'],
      now,
    );
    return rows
      .map((row) => ({
        period: String(row.keys.period),
        counts: row.counts,
        total: row.total,
        onTimeRate: onTimeRate(row.counts),
      }))
      .sort((a, b) => a.period.localeCompare(b.period));
  }
}
