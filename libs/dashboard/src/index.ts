export { DashboardModule } from './dashboard.module';
export { PlanVisibility } from './access/plan-visibility';
export { REPORT_STATES, REPORT_STATE_LABELS, onTimeRate } from './sql/report-state';
export type { ReportState, StateCounts } from './sql/report-state';
export { currentReportingPeriod, periodRange, MAX_RANGE_MONTHS } from './periods/period-range';
export { OverviewQuery } from './overview/overview.query';
export type { DashboardOverview, OverviewFilter, PlanOverview, ReportFigures } from './overview/overview.query';
export { ProgressQuery, TASK_PROGRESS_STATES } from './progress/progress.query';
export type {
  PlanProgress,
  PlanSummary,
  TaskProgress,
  TaskProgressState,
  UnitProgress,
} from './progress/progress.query';
export { LIGHTS, STANDALONE_WARNING_DAYS } from './lights/light-signals';
export type { Light } from './lights/light-signals';
export { TrafficLightsQuery } from './lights/traffic-lights.query';
export type { TaskLight, TrafficLights, UnitLight } from './lights/traffic-lights.query';
export { OverdueQuery, OVERDUE_STEPS } from './overdue/overdue.query';
export type { OverdueFilter, OverdueReport, OverdueStep, OverdueTask } from './overdue/overdue.query';
export { SubmissionMatrixQuery } from './matrix/submission-matrix.query';
export type { MatrixCell, MatrixFilter, MatrixRow, SubmissionMatrix } from './matrix/submission-matrix.query';
export { TrendsQuery } from './trends/trends.query';
export type { TrendFilter, TrendPoint } from './trends/trends.query';
export { LeagueTableQuery } from './league/league-table.query';
export type { LeagueFilter, LeagueTable } from './league/league-table.query';
export type { LeagueEntry } from './league/league-ranking';
