import type { IndicatorComparator } from './indicator-achievement';

export type AdjustmentKind = 'adjustment' | 'appeal' | 'correction';
export type DeductedWarningKind = 'yellow' | 'red' | 'progress_lag';

/** A reporting obligation that was due and not reported on time: late, or still missing. */
export interface MissedObligation {
  obligationId: number;
  /** Still not reported (open, or returned and overdue again); otherwise reported late. */
  missing: boolean;
}

/** A once-deadline (or milestone) of a task the unit leads or carries locally, due in the year. */
export interface CompletionItem {
  taskId: number;
  deadline: string;
  /** The accepted 100 % report that met it, or null. */
  metSubmissionId: number | null;
}

export interface IndicatorFact {
  indicatorId: number;
  name: string;
  comparator: IndicatorComparator;
  target: number | null;
  approximate: boolean;
  actual: number | null;
  /** The accepted report the actual comes from. */
  submissionId: number | null;
}

export interface AdjustmentFact {
  id: number;
  kind: AdjustmentKind;
  points: number;
  reason: string;
  appealId: number | null;
}

/**
 * Everything the year's records say about one unit, as read by set-based queries. Counts carry the arithmetic;
 * the id lists carry the trace (the records that cost points, and the few that earned them).
 */
export interface UnitFacts {
  unitId: number;
  /** Tasks of the plan assigned to the unit (any role). */
  assignments: number;
  /** Obligations of the year that were due (or reported), waived ones left out. */
  obligationsCounted: number;
  obligationsOnTime: number;
  missed: MissedObligation[];
  /** Items due by now; items whose report may still arrive in time are not here. */
  completion: CompletionItem[];
  /** Items left out because the unit declared 无此项任务 for the task all year. */
  completionNotConcerned: number;
  /** Accepted reports rated by the office, per rating 1–5 (index 0 unused). */
  ratings: [number, number, number, number, number, number];
  /** Accepted reports rated 3 or less: the ones that cost most. */
  lowRatings: Array<{ submissionId: number; rating: number }>;
  indicators: IndicatorFact[];
  /** In the order they were issued. */
  warnings: Array<{ id: number; kind: DeductedWarningKind }>;
  cases: number[];
  interviews: number[];
  bonuses: Array<{ id: number; points: number; reason: string }>;
  adjustments: AdjustmentFact[];
}

export function emptyFacts(unitId: number): UnitFacts {
  return {
    unitId,
    assignments: 0,
    obligationsCounted: 0,
    obligationsOnTime: 0,
    missed: [],
    completion: [],
    completionNotConcerned: 0,
    ratings: [0, 0, 0, 0, 0, 0],
    lowRatings: [],
    indicators: [],
    warnings: [],
    cases: [],
    interviews: [],
    bonuses: [],
    adjustments: [],
  };
}
