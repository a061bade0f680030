import type { components } from '../../api/schema';

/** Names for the assessment API's shapes, taken from the generated OpenAPI types. */
type Schemas = components['schemas'];

export type Run = Schemas['RunView'];
export type RunStatus = Run['status'];
export type RunSummary = Schemas['RunSummaryView'];
export type ResultRow = Schemas['ResultRowView'];
export type ResultDetail = Schemas['ResultDetailView'];
export type TraceLine = Schemas['TraceLineView'];
export type TraceRefLabel = Schemas['TraceRefLabelView'];
export type RankingGroup = Schemas['RankingGroupView'];
export type Appeal = Schemas['AppealView'];
export type AppealStatus = Appeal['status'];
export type Adjustment = Schemas['AdjustmentView'];
export type Bonus = Schemas['BonusView'];
export type SchemeView = Schemas['SchemeView'];
export type SchemeBody = Schemas['SchemeBodyView'];
export type ExportJob = Schemas['ExportJobView'];
export type Grade = NonNullable<ResultRow['grade']>;

/** Points as the office writes them: up to two decimals, no trailing zeros; a dash when there are none. */
export function formatPoints(points: number | null | undefined): string {
  return points === null || points === undefined ? '—' : String(Math.round(points * 100) / 100);
}

/** Points with their sign, for deductions and adjustments: `+2`, `-1.5`, `0`. */
export function signedPoints(points: number | null | undefined): string {
  if (points === null || points === undefined) {
    return '—';
  }
  const text = formatPoints(points);
  return points > 0 ? `+${text}` : text;
}
