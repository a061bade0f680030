import type { components } from '../../api/schema';

/** Names for the dashboard's response shapes, taken from the generated OpenAPI types. */
type Schemas = components['schemas'];

export type Overview = Schemas['OverviewView'];
export type PlanOverview = Schemas['PlanOverviewView'];
export type PlanSummary = Schemas['PlanSummaryView'];
export type PlanProgress = Schemas['PlanProgressView'];
export type StateCounts = Schemas['StateCountsView'];
export type UnitLight = Schemas['UnitLightView'];
export type TaskLight = Schemas['TaskLightView'];
export type Light = UnitLight['light'];
export type OverdueReport = Schemas['OverdueReportView'];
export type OverdueStep = OverdueReport['step'];
export type OverdueTask = Schemas['OverdueTaskView'];
export type MatrixRow = Schemas['MatrixRowView'];
export type MatrixCell = Schemas['MatrixCellView'];
export type ReportState = MatrixCell['state'];
export type TrendPoint = Schemas['TrendPointView'];
export type LeagueEntry = Schemas['LeagueEntryView'];
export type AssessmentRun = Schemas['RunView'];
export type RankingGroup = Schemas['RankingGroupView'];
export type RankingRow = Schemas['ResultRowView'];
