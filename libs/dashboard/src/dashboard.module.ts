import { Module } from '@nestjs/common';
import { PlanVisibility } from './access/plan-visibility';
import { LeagueTableQuery } from './league/league-table.query';
import { LightSignals } from './lights/light-signals';
import { TrafficLightsQuery } from './lights/traffic-lights.query';
import { SubmissionMatrixQuery } from './matrix/submission-matrix.query';
import { OverdueQuery } from './overdue/overdue.query';
import { OverviewQuery } from './overview/overview.query';
import { ProgressQuery } from './progress/progress.query';
import { DashboardDb } from './sql/dashboard-db';
import { TrendsQuery } from './trends/trends.query';

const EXPORTED = [
  PlanVisibility,
  OverviewQuery,
  ProgressQuery,
  TrafficLightsQuery,
  OverdueQuery,
  SubmissionMatrixQuery,
  TrendsQuery,
  LeagueTableQuery,
];

/** Read models of the office's dashboard: set-based SQL over reporting, supervision and plans, cut to jurisdiction. */
@Module({ providers: [...EXPORTED, DashboardDb, LightSignals], exports: EXPORTED })
export class DashboardModule {}
