import { Instant } from './shanghai-time';

/**
 * Every step the policies can issue, in ladder order for an overdue report:
 * reminders (催报), yellow and red warnings (黄色/红色预警), a supervision case (挂牌督办), an interview of the unit's
 * principal head (约谈主要负责人). A progress-lag warning (进度滞后预警) stands apart from the ladder.
 */
export const ESCALATION_STEP_KINDS = [
  'reminder_before_due',
  'reminder_due',
  'yellow_warning',
  'red_warning',
  'supervision_case',
  'interview',
  'progress_lag_warning',
] as const;
export type EscalationStepKind = (typeof ESCALATION_STEP_KINDS)[number];

/** The obligation ladder, least to most severe. A step supersedes every step before it. */
export const OBLIGATION_LADDER = [
  'reminder_before_due',
  'reminder_due',
  'yellow_warning',
  'red_warning',
  'supervision_case',
] as const satisfies readonly EscalationStepKind[];
export type ObligationStepKind = (typeof OBLIGATION_LADDER)[number];

/**
 * Who a step is addressed to. The unit roles match `@app/org` roles; `unit_principal_head` (主要负责人) is the
 * person an interview summons, who may not hold an account.
 */
export type RecipientRole = 'unit_liaison' | 'unit_head' | 'unit_principal_head' | 'office_admin' | 'supervisor';

export const STEP_RECIPIENTS: Readonly<Record<EscalationStepKind, readonly RecipientRole[]>> = {
  reminder_before_due: ['unit_liaison'],
  reminder_due: ['unit_liaison'],
  yellow_warning: ['unit_liaison', 'unit_head', 'office_admin'],
  red_warning: ['unit_head', 'office_admin'],
  supervision_case: ['unit_head', 'office_admin', 'supervisor'],
  interview: ['unit_principal_head', 'office_admin', 'supervisor'],
  progress_lag_warning: ['unit_liaison', 'unit_head', 'office_admin'],
};

/** A step already issued, as recorded by the caller. `round` is the obligation's round when it was issued. */
export interface IssuedStep {
  readonly kind: EscalationStepKind;
  readonly at: Instant;
  readonly round?: number;
}

/**
 * `notice:{subjectId}:{step}`, where the step is the kind in round 0 and `{kind}:r{round}` after a return, so a
 * restarted ladder gets fresh keys. Callers append `:{recipient}` (see `recipientDedupKey`) and keep the result
 * in a UNIQUE column: a notice is then sent once even when an activity is retried.
 */
export function noticeDedupKey(subjectId: string, kind: EscalationStepKind, round = 0): string {
  return round === 0 ? `notice:${subjectId}:${kind}` : `notice:${subjectId}:${kind}:r${round}`;
}

export function recipientDedupKey(stepKey: string, recipient: string): string {
  return `${stepKey}:${recipient}`;
}

/** A step the policy wants issued. */
export interface PlannedStep<K extends EscalationStepKind = EscalationStepKind> {
  readonly kind: K;
  readonly round: number;
  readonly recipients: readonly RecipientRole[];
  readonly dedupKey: string;
  /** Where the ladder places the step: the office opening on a working day. */
  readonly scheduledAt: Instant;
  /**
   * When to issue it: `scheduledAt`, or, for a step already due when asked, the first office instant at or after
   * `now`. Issue it when `fireAt <= now`; otherwise wait until `fireAt` and ask the policy again.
   */
  readonly fireAt: Instant;
  /** Whether `fireAt` falls in a year whose holidays are still provisional. */
  readonly provisionalCalendar: boolean;
}

export type NoStepReason = 'stopped' | 'ladder_complete' | 'closed' | 'already_warned' | 'on_track' | 'no_progress';

export type StepDecision<S> = { readonly type: 'step'; readonly step: S } | NoStep;
export interface NoStep {
  readonly type: 'none';
  readonly reason: NoStepReason;
}
