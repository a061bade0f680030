import type {
  CalendarCorrection,
  EscalationLadder,
  EscalationStepKind,
  ObligationStepKind,
  RecipientRole,
  SupervisionTrigger,
} from '@app/workflows';

/**
 * The engine-neutral escalation scenarios: plain data that every engine's runner turns into its own inputs and
 * checks against its own outputs. See README.md in this folder for the rules both engines follow.
 */

/** Asia/Shanghai wall-clock time, `YYYY-MM-DD HH:mm`. */
export type LocalTime = string;

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The real calendar, built with `loadCalendarData(calendar)` (chinese-days, then the statutory fallback). */
  readonly calendar: {
    readonly fromYear: number;
    readonly toYear: number;
    readonly corrections?: readonly CalendarCorrection[];
  };
  /** The plan's ladder settings; the default ladder when absent. */
  readonly ladder?: Partial<EscalationLadder>;
  /** How many obligations one step of the monthly cycle opens at a time; engines that open all at once ignore it. */
  readonly cyclePageSize?: number;
  readonly obligations: readonly ScenarioObligation[];
  /** What people do, at instants. An event at the same instant as a step is applied first. */
  readonly events: readonly ScenarioEvent[];
  /** The scenario ends here: anything still running is left as it is. */
  readonly until: LocalTime;
  readonly expected: ScenarioExpectations;
}

/** One unit's report for one task and one period, opened when its period begins (the cycle on the 1st). */
export interface ScenarioObligation {
  readonly id: string;
  readonly taskId: string;
  readonly unitId: string;
  /** `YYYY-MM`. */
  readonly period: string;
  /** When the monthly cycle opens it (the reporting lib creates the row). */
  readonly openedAt: LocalTime;
  readonly dueAt: LocalTime;
  /**
   * Whether the same unit's report for the same task in the previous period is overdue (late, or still missing)
   * by the time this one falls overdue: the answer engines get from the reporting lib when they ask, an assertion
   * for engines that compute it from their own records.
   */
  readonly previousPeriodOverdue: boolean;
}

export type ScenarioEvent =
  | { readonly at: LocalTime; readonly type: 'submitted'; readonly obligation: string; readonly submissionId: string }
  | {
      readonly at: LocalTime;
      readonly type: 'returned';
      readonly obligation: string;
      readonly submissionId: string;
      readonly newDueAt: LocalTime;
    }
  | { readonly at: LocalTime; readonly type: 'accepted'; readonly obligation: string; readonly submissionId: string }
  | { readonly at: LocalTime; readonly type: 'waived'; readonly obligation: string; readonly reason: string }
  | { readonly at: LocalTime; readonly type: 'deadlineChanged'; readonly obligation: string; readonly dueAt: LocalTime }
  /** The task is cancelled: every obligation of it still running stops where it is. */
  | { readonly at: LocalTime; readonly type: 'taskCancelled'; readonly task: string }
  /** `case`: the `opens` label of the expected `supervision_case` step. */
  | { readonly at: LocalTime; readonly type: 'caseClosureRequested'; readonly case: string; readonly requestId: string }
  | { readonly at: LocalTime; readonly type: 'caseVerified'; readonly case: string; readonly approved: boolean }
  /** `interview`: the `opens` label of the expected `interview` step. */
  | {
      readonly at: LocalTime;
      readonly type: 'interviewScheduled';
      readonly interview: string;
      readonly startsAt: LocalTime;
      readonly place: string;
    }
  | { readonly at: LocalTime; readonly type: 'interviewHeld'; readonly interview: string };

export type ScenarioEventType = ScenarioEvent['type'];

/** The ladder's steps plus the interview's own notices (invitation, reminder the working day before). */
export type ScenarioStepKind = EscalationStepKind | 'interview_invite' | 'interview_reminder';

export interface ExpectedStep {
  /** An obligation id, or the label of the case or interview the step belongs to. */
  readonly subject: string;
  readonly kind: ScenarioStepKind;
  /** When it is issued. */
  readonly at: LocalTime;
  readonly recipients: readonly RecipientRole[];
  /** The obligation's round (0 until the first return). Default 0. */
  readonly round?: number;
  /** `supervision_case` only. */
  readonly trigger?: SupervisionTrigger;
  /** `supervision_case` only: 整改期限. */
  readonly rectificationDeadline?: LocalTime;
  /** Lower steps of the round this one makes pointless, when the scenario checks them. */
  readonly supersedes?: readonly ObligationStepKind[];
  /** Whether the step falls in a year whose holidays are still provisional, when the scenario checks it. */
  readonly provisionalCalendar?: boolean;
  /** `supervision_case` and `interview`: the label events use for the case or the interview this step opens. */
  readonly opens?: string;
}

export type ExpectedObligationStatus = 'open' | 'submitted' | 'returned' | 'accepted' | 'waived' | 'cancelled';
export type ExpectedCaseStatus = 'open' | 'closure_requested' | 'closed';
export type ExpectedInterviewStatus = 'awaiting_schedule' | 'scheduled' | 'held';

export interface ScenarioExpectations {
  /** Every step issued, in any order; nothing else may be issued. */
  readonly steps: readonly ExpectedStep[];
  /** The state of every obligation at `until`. */
  readonly obligations: Readonly<Record<string, { readonly status: ExpectedObligationStatus; readonly round: number }>>;
  /** The state of every case at `until`, by label. */
  readonly cases?: Readonly<Record<string, { readonly obligation: string; readonly status: ExpectedCaseStatus }>>;
  /** The state of every interview at `until`, by label. */
  readonly interviews?: Readonly<Record<string, { readonly case: string; readonly status: ExpectedInterviewStatus }>>;
}

/** `'2026-04-01 09:00'` (Asia/Shanghai) as epoch milliseconds. */
export function instantOf(time: LocalTime): number {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(time);
  const instant = match ? Date.parse(`${match[1]}T${match[2]}:00+08:00`) : Number.NaN;
  if (Number.isNaN(instant)) {
    throw new Error(`scenario time must be "YYYY-MM-DD HH:mm" (Asia/Shanghai): ${time}`);
  }
  return instant;
}

/** The inverse of `instantOf`, for messages; seconds are dropped. */
export function localTimeOf(instant: number): LocalTime {
  return new Date(instant + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
