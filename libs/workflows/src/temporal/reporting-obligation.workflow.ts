import {
  continueAsNew,
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { resolveLadder, type EscalationLadder } from '../policy/escalation-ladder';
import {
  nextEscalationStep,
  type ObligationSnapshot,
  type ObligationStatus,
  type ObligationStep,
} from '../policy/escalation-policy';
import type { IssuedStep, ObligationStepKind } from '../policy/escalation-steps';
import type { Instant } from '../policy/shanghai-time';
import type { CalendarData } from '../policy/working-calendar';
import type { EscalationActivities, StepRecord } from './activities';
import { supervisionCaseWorkflow } from './supervision-case.workflow';
import { supervisionCaseWorkflowId } from './workflow-ids';
import {
  calendarRange,
  ChangeCounter,
  covers,
  DATABASE_ACTIVITY,
  domainRejection,
  isFutureInstant,
  loadWorkingCalendar,
  withRejection,
  validInput,
  type CalendarRange,
  type RejectedSignal,
} from './workflow-support';

/**
 * One unit's report for one task and one period (报送义务), id `obligation:{obligationId}`: the escalation ladder
 * (reminders, yellow and red warnings, a supervision case) until the report is accepted or waived. Each step is one
 * activity that records it with its notices.
 *
 * One execution per obligation-period keeps every history small (about a hundred events through the full
 * ladder) however many years a task runs; see libs/workflows/README.md. The API writes the database first and
 * then signals; handlers are idempotent and ignore what no longer applies, recording why.
 */

export interface SubmittedSignal {
  readonly submissionId: string;
}
export interface ReturnedSignal {
  readonly submissionId: string;
  /** The new due date's deadline; must be in the future. */
  readonly newDueAt: Instant;
}
export interface AcceptedSignal {
  readonly submissionId: string;
}
export interface WaivedSignal {
  readonly reason: string;
}
export interface ObligationDeadlineChangedSignal {
  readonly dueAt: Instant;
}
/** The plan's ladder as the office set it (`PUT /api/plans/:id/ladder`); null when it went back to the default. */
export interface LadderChangedSignal {
  readonly ladder: Partial<EscalationLadder> | null;
}

export const submittedSignal = defineSignal<[SubmittedSignal]>('submitted');
export const returnedSignal = defineSignal<[ReturnedSignal]>('returned');
export const acceptedSignal = defineSignal<[AcceptedSignal]>('accepted');
export const waivedSignal = defineSignal<[WaivedSignal]>('waived');
export const obligationDeadlineChangedSignal = defineSignal<[ObligationDeadlineChangedSignal]>('deadlineChanged');
export const ladderChangedSignal = defineSignal<[LadderChangedSignal]>('ladderChanged');

/** `cancelled`: the task was cancelled (workflow cancellation). `aborted`: the database refused a step. */
export type ObligationWorkflowState = ObligationStatus | 'cancelled' | 'aborted';

export interface ObligationWorkflowStatus {
  readonly obligationId: string;
  readonly status: ObligationWorkflowState;
  readonly round: number;
  readonly dueAt: Instant;
  readonly steps: readonly IssuedStep[];
  readonly supervisionCaseIds: readonly string[];
  /** The step the ladder waits for, if any. */
  readonly next: { readonly kind: ObligationStepKind; readonly fireAt: Instant } | null;
  readonly rejectedSignals: readonly RejectedSignal[];
  readonly abortReason?: string;
}

export const obligationStatusQuery = defineQuery<ObligationWorkflowStatus>('status');

export interface ReportingObligationInput {
  readonly obligation: {
    readonly id: string;
    readonly unitId: string;
    readonly taskId: string;
    readonly period: string;
    readonly dueAt: Instant;
    readonly openedAt: Instant;
  };
  readonly previousPeriodOverdue: boolean;
  readonly ladder?: Partial<EscalationLadder>;
  /** The calendar, when the caller has it; otherwise the workflow loads it with the `loadCalendar` activity. */
  readonly calendar?: CalendarData;
  /** State carried over by continue-as-new. */
  readonly carried?: ObligationCarriedState;
}

export interface ObligationCarriedState {
  readonly status: ObligationStatus;
  readonly previousPeriodOverdue: boolean;
  readonly round: number;
  readonly dueAt: Instant;
  readonly returnedAt?: Instant;
  readonly submittedAt?: Instant;
  readonly submissionId?: string;
  readonly steps: readonly IssuedStep[];
  readonly supervisionCaseIds: readonly string[];
}

export type ObligationWorkflowResult = Omit<ObligationWorkflowStatus, 'next' | 'rejectedSignals'>;

/** Continue-as-new well before Temporal's own suggestion (4,096 events), at a quiet point of the loop. */
export const OBLIGATION_HISTORY_LIMIT = 2_000;

const activities = proxyActivities<EscalationActivities>(DATABASE_ACTIVITY);

interface ObligationState {
  status: ObligationWorkflowState;
  round: number;
  dueAt: Instant;
  returnedAt?: Instant;
  submittedAt?: Instant;
  submissionId?: string;
  steps: IssuedStep[];
  supervisionCaseIds: string[];
  next: ObligationWorkflowStatus['next'];
  rejectedSignals: RejectedSignal[];
  abortReason?: string;
}

export async function reportingObligationWorkflow(input: ReportingObligationInput): Promise<ObligationWorkflowResult> {
  const { obligation } = input;
  let ladderSettings = input.ladder;
  let ladder = validInput(() => resolveLadder(ladderSettings));
  const carried = input.carried;
  const state: ObligationState = {
    status: carried?.status ?? 'open',
    round: carried?.round ?? 0,
    dueAt: carried?.dueAt ?? obligation.dueAt,
    returnedAt: carried?.returnedAt,
    submittedAt: carried?.submittedAt,
    submissionId: carried?.submissionId,
    steps: [...(carried?.steps ?? [])],
    supervisionCaseIds: [...(carried?.supervisionCaseIds ?? [])],
    next: null,
    rejectedSignals: [],
  };
  const changes = new ChangeCounter();
  const reject = (signal: string, reason: string): void => {
    log.warn('signal ignored', { obligationId: obligation.id, signal, reason });
    state.rejectedSignals = withRejection(state.rejectedSignals, { signal, reason, at: Date.now() });
  };
  const waiting = (): boolean => state.status === 'open' || state.status === 'returned';

  setHandler(submittedSignal, ({ submissionId }) => {
    if (!waiting()) {
      reject('submitted', state.submissionId === submissionId ? 'duplicate submission' : `status is ${state.status}`);
      return;
    }
    Object.assign(state, { status: 'submitted', submissionId, submittedAt: Date.now() });
    changes.bump();
  });
  setHandler(returnedSignal, ({ submissionId, newDueAt }) => {
    if (state.status !== 'submitted') {
      reject('returned', `status is ${state.status}`);
    } else if (!isFutureInstant(newDueAt, Date.now())) {
      reject('returned', `new due date ${newDueAt} is not in the future`);
    } else {
      Object.assign(state, { status: 'returned', round: state.round + 1, dueAt: newDueAt, returnedAt: Date.now() });
      state.submissionId = submissionId;
      changes.bump();
    }
  });
  setHandler(acceptedSignal, ({ submissionId }) => {
    if (state.status !== 'submitted') {
      reject('accepted', `status is ${state.status}`);
      return;
    }
    Object.assign(state, { status: 'accepted', submissionId });
    changes.bump();
  });
  setHandler(waivedSignal, ({ reason }) => {
    if (!waiting() && state.status !== 'submitted') {
      reject('waived', `status is ${state.status}`);
      return;
    }
    log.info('obligation waived', { obligationId: obligation.id, reason });
    state.status = 'waived';
    changes.bump();
  });
  setHandler(obligationDeadlineChangedSignal, ({ dueAt }) => {
    if (!waiting() && state.status !== 'submitted') {
      reject('deadlineChanged', `status is ${state.status}`);
    } else if (!isFutureInstant(dueAt, Date.now())) {
      reject('deadlineChanged', `new deadline ${dueAt} is not in the future`);
    } else if (dueAt !== state.dueAt) {
      state.dueAt = dueAt;
      changes.bump();
    }
  });
  setHandler(ladderChangedSignal, ({ ladder: settings }) => {
    // Steps already issued stay issued; the next one is placed by the new ladder.
    try {
      ladder = resolveLadder(settings ?? undefined);
      ladderSettings = settings ?? undefined;
      changes.bump();
    } catch (error) {
      reject('ladderChanged', error instanceof Error ? error.message : String(error));
    }
  });
  setHandler(obligationStatusQuery, () => statusOf(obligation.id, state));

  let range: CalendarRange = calendarRange(obligation.openedAt, state.dueAt);
  let calendar = await loadWorkingCalendar(activities.loadCalendar, input.calendar, range);
  // Known at opening only when already true; otherwise asked once this obligation is overdue itself (see below).
  let previousPeriodOverdue = carried?.previousPeriodOverdue ?? input.previousPeriodOverdue;
  let previousPeriodChecked = false;
  const mustCheckPreviousPeriod = (): boolean =>
    ladder.supervisionOnConsecutiveOverdue && !previousPeriodOverdue && !previousPeriodChecked;

  try {
    while (waiting() || state.status === 'submitted') {
      if (historyIsLong()) {
        return await continueAsNew<typeof reportingObligationWorkflow>({
          ...input,
          ladder: ladderSettings,
          carried: carriedFrom(state, previousPeriodOverdue),
        });
      }
      if (!input.calendar && !covers(range, state.dueAt)) {
        range = calendarRange(obligation.openedAt, state.dueAt);
        calendar = await loadWorkingCalendar(activities.loadCalendar, undefined, range);
      }
      if (mustCheckPreviousPeriod() && waiting() && Date.now() > state.dueAt) {
        // The previous period falls due a period before this one, so by now its lateness is settled; the
        // consecutive-overdue case sits at the yellow point, the first step after the due date.
        ({ overdue: previousPeriodOverdue } = await activities.checkPreviousPeriod({ obligationId: obligation.id }));
        previousPeriodChecked = true;
      }
      const now = Date.now();
      const decision = nextEscalationStep({
        obligation: snapshotOf(input, state),
        history: state.steps,
        previousPeriodOverdue,
        calendar,
        ladder,
        now,
      });
      state.next = decision.type === 'step' ? { kind: decision.step.kind, fireAt: decision.step.fireAt } : null;
      if (decision.type === 'none') {
        await changes.waitForChange();
      } else if (decision.step.fireAt > now) {
        await changes.waitForChange(decision.step.fireAt - now);
      } else {
        const rejection = await issueStep(input, state, decision.step, now);
        if (rejection !== undefined) {
          log.error('obligation aborted: the database refused a step', { obligationId: obligation.id, rejection });
          Object.assign(state, { status: 'aborted', abortReason: rejection, next: null });
        }
      }
    }
  } catch (error) {
    if (!isCancellation(error)) {
      throw error;
    }
    Object.assign(state, { status: 'cancelled', next: null });
  }
  return resultOf(obligation.id, state);
}

/**
 * Records the step (a case for `supervision_case`, whose workflow it then starts). The activity writes the step's
 * notices (inbox and email outbox) in the same transaction, keyed by the step's dedup key.
 */
async function issueStep(
  input: ReportingObligationInput,
  state: ObligationState,
  step: ObligationStep,
  now: Instant,
): Promise<string | undefined> {
  const { obligation } = input;
  const record: StepRecord = {
    obligationId: obligation.id,
    unitId: obligation.unitId,
    period: obligation.period,
    kind: step.kind,
    round: step.round,
    dedupKey: step.dedupKey,
    recipients: step.recipients,
    scheduledAt: step.scheduledAt,
    issuedAt: now,
    supersedes: step.supersedes,
    provisionalCalendar: step.provisionalCalendar,
  };
  try {
    if (step.kind === 'supervision_case') {
      const rectificationDeadline = step.rectificationDeadline ?? now;
      const { caseId } = await activities.openCase({
        ...record,
        trigger: step.trigger ?? 'overdue',
        rectificationDeadline,
      });
      await startCaseWorkflow(caseId, obligation, now, rectificationDeadline);
      state.supervisionCaseIds.push(caseId);
    } else {
      await activities.recordStep(record);
    }
    state.steps.push({ kind: step.kind, at: now, round: step.round });
    return undefined;
  } catch (error) {
    const rejection = domainRejection(error);
    if (rejection === undefined) {
      throw error;
    }
    return rejection;
  }
}

/**
 * The case outlives the obligation (a late report does not close a case: only its verification does), so the
 * child is abandoned when the obligation ends. A case workflow that already exists (a retried step) is kept.
 */
async function startCaseWorkflow(
  caseId: string,
  obligation: ReportingObligationInput['obligation'],
  openedAt: Instant,
  rectificationDeadline: Instant,
): Promise<void> {
  try {
    await startChild(supervisionCaseWorkflow, {
      workflowId: supervisionCaseWorkflowId(caseId),
      args: [{ caseId, unitId: obligation.unitId, obligationId: obligation.id, openedAt, rectificationDeadline }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) {
      throw error;
    }
  }
}

function snapshotOf(input: ReportingObligationInput, state: ObligationState): ObligationSnapshot {
  const { obligation } = input;
  return {
    id: obligation.id,
    unitId: obligation.unitId,
    period: obligation.period,
    dueAt: state.dueAt,
    // The loop asks only while the status is one the policy knows (open, returned, submitted).
    status: state.status as ObligationStatus,
    round: state.round,
    openedAt: obligation.openedAt,
    submittedAt: state.submittedAt,
    returnedAt: state.returnedAt,
  };
}

function resultOf(obligationId: string, state: ObligationState): ObligationWorkflowResult {
  return {
    obligationId,
    status: state.status,
    round: state.round,
    dueAt: state.dueAt,
    steps: [...state.steps],
    supervisionCaseIds: [...state.supervisionCaseIds],
    ...(state.abortReason !== undefined ? { abortReason: state.abortReason } : {}),
  };
}

function statusOf(obligationId: string, state: ObligationState): ObligationWorkflowStatus {
  return { ...resultOf(obligationId, state), next: state.next, rejectedSignals: [...state.rejectedSignals] };
}

function carriedFrom(state: ObligationState, previousPeriodOverdue: boolean): ObligationCarriedState {
  return {
    status: state.status as ObligationStatus,
    previousPeriodOverdue,
    round: state.round,
    dueAt: state.dueAt,
    returnedAt: state.returnedAt,
    submittedAt: state.submittedAt,
    submissionId: state.submissionId,
    // The policy reads the current round only; earlier rounds are in the database's audit trail.
    steps: state.steps.filter((step) => (step.round ?? 0) === state.round),
    supervisionCaseIds: state.supervisionCaseIds,
  };
}

function historyIsLong(): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= OBLIGATION_HISTORY_LIMIT;
}
