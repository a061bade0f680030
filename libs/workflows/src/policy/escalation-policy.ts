import { DEFAULT_ESCALATION_LADDER, EscalationLadder } from './escalation-ladder';
import {
  IssuedStep,
  OBLIGATION_LADDER,
  ObligationStepKind,
  PlannedStep,
  STEP_RECIPIENTS,
  StepDecision,
  noticeDedupKey,
} from './escalation-steps';
import { PolicyError } from './policy-error';
import { Instant, localDateOf, yearOf } from './shanghai-time';
import { WorkingCalendar } from './working-calendar';

/**
 * `open`: waiting for the report. `returned`: the office sent it back (退回); `dueAt` is then the new due date and
 * `round` counts the returns. `submitted`, `accepted`, `waived` (无此项任务 or excused) stop the ladder.
 */
export type ObligationStatus = 'open' | 'submitted' | 'returned' | 'accepted' | 'waived';

/** One unit's report for one task and one period (报送义务), as the policy needs to see it. */
export interface ObligationSnapshot {
  readonly id: string;
  readonly unitId: string;
  readonly period: string;
  /** The deadline; its Asia/Shanghai date is the due date. Use the end of the due day, e.g. 23:59:59 local. */
  readonly dueAt: Instant;
  readonly status: ObligationStatus;
  /** 0 until the first return; each return starts a new round with fresh dedup keys. */
  readonly round?: number;
  /** When the obligation was created; reminders planned before it are skipped. */
  readonly openedAt?: Instant;
  /** Informational: `status` alone decides whether the ladder runs. */
  readonly submittedAt?: Instant;
  /** The latest return; reminders of the new round planned before it are skipped. */
  readonly returnedAt?: Instant;
}

export interface EscalationInput {
  readonly obligation: ObligationSnapshot;
  /** Steps already issued for this obligation, in any round. */
  readonly history: readonly IssuedStep[];
  /** Whether the same unit's report for the same task was overdue in the previous period. */
  readonly previousPeriodOverdue: boolean;
  readonly calendar: WorkingCalendar;
  readonly ladder?: EscalationLadder;
  readonly now: Instant;
}

export type SupervisionTrigger = 'overdue' | 'consecutive_overdue';

export interface ObligationStep extends PlannedStep<ObligationStepKind> {
  /** Lower steps of this round that will now never be issued (they were missed, or are pointless after this one). */
  readonly supersedes: readonly ObligationStepKind[];
  /** `supervision_case` only: what opened it. */
  readonly trigger?: SupervisionTrigger;
  /** `supervision_case` only: the end of office hours on the last day of rectification, counted from `fireAt`. */
  readonly rectificationDeadline?: Instant;
}

export interface ScheduledRung {
  readonly kind: ObligationStepKind;
  readonly scheduledAt: Instant;
  readonly trigger?: SupervisionTrigger;
}

const STOPPED: ReadonlySet<ObligationStatus> = new Set(['submitted', 'accepted', 'waived']);

/**
 * The next step of the escalation ladder for one obligation, and when to issue it.
 *
 * Each step is issued at most once per round: a step is offered only while no step at or above it on the ladder
 * has been issued in the round. When several steps are due at once (the system was down, or it is asked outside
 * office hours), only the most severe is offered and the others are listed in `supersedes`: a unit that is five
 * days late gets a red warning, not a yellow one followed by a red one a second later.
 */
export function nextEscalationStep(input: EscalationInput): StepDecision<ObligationStep> {
  const { obligation, now } = input;
  const ladder = input.ladder ?? DEFAULT_ESCALATION_LADDER;
  const calendar = ladderCalendar(input.calendar, ladder);
  const round = checkedRound(obligation);
  if (STOPPED.has(obligation.status)) {
    return { type: 'none', reason: 'stopped' };
  }
  const issuedRank = Math.max(
    -1,
    ...input.history.filter((step) => (step.round ?? 0) === round).map((step) => ladderRank(step.kind)),
  );
  const live = ladderSchedule(obligation, calendar, ladder, input.previousPeriodOverdue).filter(
    (rung) => ladderRank(rung.kind) > issuedRank,
  );
  // Steps can only be issued inside office hours, so the ladder is judged at the next moment one could be.
  const firstChance = calendar.firstWorkingInstantAtOrAfter(now);
  const roundStart = round > 0 ? obligation.returnedAt : obligation.openedAt;
  const pointless = (rung: ScheduledRung): boolean =>
    isReminder(rung.kind) &&
    (firstChance > obligation.dueAt || (roundStart !== undefined && rung.scheduledAt < roundStart));
  const candidates = live.filter((rung) => !pointless(rung));
  const chosen = pickRung(candidates, firstChance);
  if (!chosen) {
    return { type: 'none', reason: 'ladder_complete' };
  }
  const fireAt = Math.max(chosen.scheduledAt, firstChance);
  const rectificationDeadline =
    chosen.kind === 'supervision_case'
      ? rectificationDeadlineFor(fireAt, calendar, ladder.rectificationWorkingDays)
      : undefined;
  const dueYear = yearOf(localDateOf(obligation.dueAt));
  return {
    type: 'step',
    step: {
      kind: chosen.kind,
      round,
      recipients: STEP_RECIPIENTS[chosen.kind],
      dedupKey: noticeDedupKey(obligation.id, chosen.kind, round),
      scheduledAt: chosen.scheduledAt,
      fireAt,
      provisionalCalendar: calendar.isProvisional(dueYear) || calendar.isProvisional(yearOf(localDateOf(fireAt))),
      supersedes: live.filter((rung) => ladderRank(rung.kind) < ladderRank(chosen.kind)).map((rung) => rung.kind),
      ...(chosen.trigger ? { trigger: chosen.trigger } : {}),
      ...(rectificationDeadline !== undefined ? { rectificationDeadline } : {}),
    },
  };
}

/** Where the ladder places each step for the obligation's current due date, in ladder order. */
export function ladderSchedule(
  obligation: Pick<ObligationSnapshot, 'dueAt'>,
  baseCalendar: WorkingCalendar,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
  previousPeriodOverdue = false,
): ScheduledRung[] {
  const calendar = ladderCalendar(baseCalendar, ladder);
  const dueDate = localDateOf(obligation.dueAt);
  const overdueBy = (days: number): Instant => calendar.officeStart(calendar.addWorkingDays(dueDate, days));
  const rungs: ScheduledRung[] = [];
  if (ladder.reminderWorkingDaysBeforeDue !== null) {
    rungs.push({ kind: 'reminder_before_due', scheduledAt: overdueBy(-ladder.reminderWorkingDaysBeforeDue) });
  }
  if (ladder.remindOnDueDate) {
    // A due date on a holiday, or a deadline before the office opens, moves the reminder to the working day before.
    const onTime = calendar.isWorkingDay(dueDate) && calendar.officeStart(dueDate) <= obligation.dueAt;
    const day = onTime ? dueDate : calendar.previousWorkingDay(dueDate);
    rungs.push({ kind: 'reminder_due', scheduledAt: calendar.officeStart(day) });
  }
  const yellowAt = overdueBy(ladder.yellowWarningAfterWorkingDays);
  rungs.push({ kind: 'yellow_warning', scheduledAt: yellowAt });
  rungs.push({ kind: 'red_warning', scheduledAt: overdueBy(ladder.redWarningAfterWorkingDays) });
  rungs.push(
    ladder.supervisionOnConsecutiveOverdue && previousPeriodOverdue
      ? { kind: 'supervision_case', scheduledAt: yellowAt, trigger: 'consecutive_overdue' }
      : { kind: 'supervision_case', scheduledAt: overdueBy(ladder.supervisionAfterWorkingDays), trigger: 'overdue' },
  );
  return rungs;
}

/** The calendar the ladder's steps follow: the plan's office hours when its ladder sets them. */
export function ladderCalendar(calendar: WorkingCalendar, ladder: EscalationLadder): WorkingCalendar {
  return ladder.officeHours ? calendar.withOfficeHours(ladder.officeHours) : calendar;
}

/**
 * The rectification deadline of a case opened at `openedAt`: the end of office hours on the `workingDays`-th
 * working day after the day the case could first be issued.
 */
export function rectificationDeadlineFor(openedAt: Instant, calendar: WorkingCalendar, workingDays: number): Instant {
  const openingDay = localDateOf(calendar.firstWorkingInstantAtOrAfter(openedAt));
  return calendar.officeEnd(calendar.addWorkingDays(openingDay, workingDays));
}

/** The most severe step due at `at`; if none is due, the earliest one to come (the most severe on a tie). */
function pickRung(candidates: readonly ScheduledRung[], at: Instant): ScheduledRung | undefined {
  const due = candidates.filter((rung) => rung.scheduledAt <= at);
  if (due.length > 0) {
    return due[due.length - 1];
  }
  return candidates.reduce<ScheduledRung | undefined>(
    (best, rung) => (best === undefined || rung.scheduledAt <= best.scheduledAt ? rung : best),
    undefined,
  );
}

function ladderRank(kind: string): number {
  return (OBLIGATION_LADDER as readonly string[]).indexOf(kind);
}

function isReminder(kind: ObligationStepKind): boolean {
  return kind === 'reminder_before_due' || kind === 'reminder_due';
}

function checkedRound(obligation: ObligationSnapshot): number {
  const round = obligation.round ?? 0;
  if (!Number.isInteger(round) || round < 0) {
    throw new PolicyError('INVALID_INPUT', `round 须为非负整数 / round must be a non-negative integer: ${round}`);
  }
  if (obligation.status === 'returned' && round === 0) {
    // Without a new round the restarted ladder would reuse the first round's dedup keys and send nothing.
    throw new PolicyError('INVALID_INPUT', `退回的报送义务 round 须大于 0 / a returned obligation needs round > 0`);
  }
  if (!Number.isFinite(obligation.dueAt)) {
    throw new PolicyError('INVALID_INPUT', `dueAt 无效 / dueAt is not a valid instant: ${obligation.dueAt}`);
  }
  return round;
}
