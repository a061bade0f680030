import { IssuedStep, PlannedStep, STEP_RECIPIENTS, StepDecision, noticeDedupKey } from './escalation-steps';
import { PolicyError } from './policy-error';
import { Instant, localDateOf, yearOf } from './shanghai-time';
import { WorkingCalendar } from './working-calendar';

export const DEFAULT_PROGRESS_LAG_MARGIN_POINTS = 20;

export interface ProgressLagInput {
  /** The obligation of the period being checked (task x unit x period), so "once per period" is once per id. */
  readonly obligationId: string;
  /** The task's deadline window: when the work started and when it must be complete. */
  readonly window: { readonly start: Instant; readonly end: Instant };
  /** The latest reported % complete (0–100); `null` when the unit has not reported one. */
  readonly reportedPercent: number | null;
  /** Steps already issued for this obligation. */
  readonly history: readonly IssuedStep[];
  readonly marginPoints?: number;
  readonly calendar: WorkingCalendar;
  readonly now: Instant;
}

export interface ProgressLagStep extends PlannedStep<'progress_lag_warning'> {
  readonly expectedPercent: number;
  readonly reportedPercent: number;
  readonly lagPoints: number;
}

/**
 * A progress-lag warning (进度滞后预警) when the reported % complete trails the elapsed share of the deadline
 * window by more than `marginPoints` percentage points; at most once per obligation, i.e. per period.
 * The elapsed share is wall-clock time: over windows of months or years, holidays do not move it noticeably,
 * and it stays meaningful for years whose calendar is still provisional.
 */
export function nextProgressLagStep(input: ProgressLagInput): StepDecision<ProgressLagStep> {
  const { window, reportedPercent, calendar, now } = input;
  const margin = input.marginPoints ?? DEFAULT_PROGRESS_LAG_MARGIN_POINTS;
  if (!(window.end > window.start)) {
    throw new PolicyError('INVALID_INPUT', `期限窗口须结束于开始之后 / the deadline window must end after it starts`);
  }
  if (!(margin >= 0 && margin <= 100)) {
    throw new PolicyError('INVALID_INPUT', `容差须在 0–100 之间 / the margin must be within 0–100: ${margin}`);
  }
  if (input.history.some((step) => step.kind === 'progress_lag_warning')) {
    return { type: 'none', reason: 'already_warned' };
  }
  if (reportedPercent === null) {
    return { type: 'none', reason: 'no_progress' };
  }
  if (!(reportedPercent >= 0 && reportedPercent <= 100)) {
    throw new PolicyError(
      'INVALID_INPUT',
      `完成进度须在 0–100 之间 / progress must be within 0–100: ${reportedPercent}`,
    );
  }
  const elapsed = Math.min(1, Math.max(0, (now - window.start) / (window.end - window.start)));
  const expectedPercent = elapsed * 100;
  const lagPoints = expectedPercent - reportedPercent;
  if (lagPoints <= margin) {
    return { type: 'none', reason: 'on_track' };
  }
  const fireAt = calendar.firstWorkingInstantAtOrAfter(now);
  return {
    type: 'step',
    step: {
      kind: 'progress_lag_warning',
      round: 0,
      recipients: STEP_RECIPIENTS.progress_lag_warning,
      dedupKey: noticeDedupKey(input.obligationId, 'progress_lag_warning'),
      scheduledAt: fireAt,
      fireAt,
      provisionalCalendar: calendar.isProvisional(yearOf(localDateOf(fireAt))),
      expectedPercent,
      reportedPercent,
      lagPoints,
    },
  };
}
