import { IssuedStep, PlannedStep, STEP_RECIPIENTS, StepDecision, noticeDedupKey } from './escalation-steps';
import { Instant, localDateOf, yearOf } from './shanghai-time';
import { WorkingCalendar } from './working-calendar';

/** `closed`: verified and closed by the supervisor (销号). */
export type SupervisionCaseStatus = 'open' | 'closed';

/** A supervision case (挂牌督办) as the policy needs to see it. */
export interface SupervisionCaseSnapshot {
  readonly id: string;
  readonly unitId: string;
  readonly openedAt: Instant;
  /** 整改期限; see `rectificationDeadlineFor`. */
  readonly rectificationDeadline: Instant;
  readonly status: SupervisionCaseStatus;
}

export interface SupervisionCaseInput {
  readonly supervisionCase: SupervisionCaseSnapshot;
  /** Steps already issued for this case. */
  readonly history: readonly IssuedStep[];
  readonly calendar: WorkingCalendar;
  readonly now: Instant;
}

/** Dedup subject of a case's notices: `notice:supervision:{caseId}:interview`. */
export function supervisionSubjectId(caseId: string): string {
  return `supervision:${caseId}`;
}

/**
 * A case still open when its rectification deadline passes calls the unit's principal head to an interview (约谈),
 * once, at the first office opening at or after the deadline. Closing the case stops it; an interview already
 * issued is not undone.
 */
export function nextSupervisionStep(input: SupervisionCaseInput): StepDecision<PlannedStep<'interview'>> {
  const { supervisionCase, calendar, now } = input;
  if (supervisionCase.status === 'closed') {
    return { type: 'none', reason: 'closed' };
  }
  if (input.history.some((step) => step.kind === 'interview')) {
    return { type: 'none', reason: 'ladder_complete' };
  }
  const scheduledAt = calendar.firstWorkingInstantAtOrAfter(supervisionCase.rectificationDeadline);
  const fireAt = Math.max(scheduledAt, calendar.firstWorkingInstantAtOrAfter(now));
  return {
    type: 'step',
    step: {
      kind: 'interview',
      round: 0,
      recipients: STEP_RECIPIENTS.interview,
      dedupKey: noticeDedupKey(supervisionSubjectId(supervisionCase.id), 'interview'),
      scheduledAt,
      fireAt,
      provisionalCalendar: calendar.isProvisional(yearOf(localDateOf(fireAt))),
    },
  };
}
