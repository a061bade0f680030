import {
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type { IssuedStep, PlannedStep } from '../policy/escalation-steps';
import type { Instant } from '../policy/shanghai-time';
import { nextSupervisionStep } from '../policy/supervision-case-policy';
import type { CalendarData } from '../policy/working-calendar';
import type { EscalationActivities } from './activities';
import { interviewWorkflow, type InterviewWorkflowInput } from './interview.workflow';
import { interviewWorkflowId } from './workflow-ids';
import {
  calendarRange,
  ChangeCounter,
  covers,
  DATABASE_ACTIVITY,
  domainRejection,
  isFutureInstant,
  loadWorkingCalendar,
  withRejection,
  type CalendarRange,
  type RejectedSignal,
} from './workflow-support';

/**
 * A supervision case (挂牌督办), id `supervision:{caseId}`: waits for the rectification deadline (整改期限); a case
 * still open then calls the unit's principal head to an interview (约谈), once. Only the supervisor's verification
 * closes it (销号); the unit's closure request does not stop the clock.
 */

export interface CaseClosureRequestedSignal {
  readonly requestId: string;
}
export interface CaseVerifiedSignal {
  /** `true` closes the case; `false` rejects the unit's closure request and the case stays open. */
  readonly approved: boolean;
  readonly note?: string;
}
export interface CaseDeadlineChangedSignal {
  readonly rectificationDeadline: Instant;
}

export const caseClosureRequestedSignal = defineSignal<[CaseClosureRequestedSignal]>('caseClosureRequested');
export const caseVerifiedSignal = defineSignal<[CaseVerifiedSignal]>('caseVerified');
export const caseDeadlineChangedSignal = defineSignal<[CaseDeadlineChangedSignal]>('deadlineChanged');

export type SupervisionCaseState = 'open' | 'closure_requested' | 'closed' | 'cancelled' | 'aborted';

export interface SupervisionCaseWorkflowStatus {
  readonly caseId: string;
  readonly status: SupervisionCaseState;
  readonly rectificationDeadline: Instant;
  readonly steps: readonly IssuedStep[];
  readonly interviewIds: readonly string[];
  readonly next: { readonly kind: 'interview'; readonly fireAt: Instant } | null;
  readonly rejectedSignals: readonly RejectedSignal[];
  readonly abortReason?: string;
}

export const supervisionCaseStatusQuery = defineQuery<SupervisionCaseWorkflowStatus>('status');

export interface SupervisionCaseWorkflowInput {
  readonly caseId: string;
  readonly unitId: string;
  readonly obligationId?: string;
  readonly openedAt: Instant;
  readonly rectificationDeadline: Instant;
  readonly calendar?: CalendarData;
}

export type SupervisionCaseWorkflowResult = Omit<SupervisionCaseWorkflowStatus, 'next' | 'rejectedSignals'>;

const activities = proxyActivities<EscalationActivities>(DATABASE_ACTIVITY);

interface CaseState {
  status: SupervisionCaseState;
  rectificationDeadline: Instant;
  steps: IssuedStep[];
  interviewIds: string[];
  next: SupervisionCaseWorkflowStatus['next'];
  rejectedSignals: RejectedSignal[];
  abortReason?: string;
}

export async function supervisionCaseWorkflow(
  input: SupervisionCaseWorkflowInput,
): Promise<SupervisionCaseWorkflowResult> {
  const state: CaseState = {
    status: 'open',
    rectificationDeadline: input.rectificationDeadline,
    steps: [],
    interviewIds: [],
    next: null,
    rejectedSignals: [],
  };
  const changes = new ChangeCounter();
  const live = (): boolean => state.status === 'open' || state.status === 'closure_requested';
  const reject = (signal: string, reason: string): void => {
    log.warn('signal ignored', { caseId: input.caseId, signal, reason });
    state.rejectedSignals = withRejection(state.rejectedSignals, { signal, reason, at: Date.now() });
  };

  // A closure request changes what the status shows, not the clock: no `changes.bump()`.
  setHandler(caseClosureRequestedSignal, () => {
    if (state.status !== 'open') {
      reject('caseClosureRequested', `status is ${state.status}`);
      return;
    }
    state.status = 'closure_requested';
  });
  setHandler(caseVerifiedSignal, ({ approved }) => {
    if (!live()) {
      reject('caseVerified', `status is ${state.status}`);
    } else if (approved) {
      state.status = 'closed';
      changes.bump();
    } else {
      state.status = 'open';
    }
  });
  setHandler(caseDeadlineChangedSignal, ({ rectificationDeadline }) => {
    if (!live()) {
      reject('deadlineChanged', `status is ${state.status}`);
    } else if (!isFutureInstant(rectificationDeadline, Date.now())) {
      reject('deadlineChanged', `new deadline ${rectificationDeadline} is not in the future`);
    } else if (rectificationDeadline !== state.rectificationDeadline) {
      state.rectificationDeadline = rectificationDeadline;
      changes.bump();
    }
  });
  setHandler(supervisionCaseStatusQuery, () => statusOf(input.caseId, state));

  let range: CalendarRange = calendarRange(input.openedAt, state.rectificationDeadline);
  let calendar = await loadWorkingCalendar(activities.loadCalendar, input.calendar, range);
  try {
    while (live()) {
      if (!input.calendar && !covers(range, state.rectificationDeadline)) {
        range = calendarRange(input.openedAt, state.rectificationDeadline);
        calendar = await loadWorkingCalendar(activities.loadCalendar, undefined, range);
      }
      const now = Date.now();
      const decision = nextSupervisionStep({
        supervisionCase: {
          id: input.caseId,
          unitId: input.unitId,
          openedAt: input.openedAt,
          rectificationDeadline: state.rectificationDeadline,
          status: 'open',
        },
        history: state.steps,
        calendar,
        now,
      });
      state.next = decision.type === 'step' ? { kind: 'interview', fireAt: decision.step.fireAt } : null;
      if (decision.type === 'none') {
        await changes.waitForChange();
      } else if (decision.step.fireAt > now) {
        await changes.waitForChange(decision.step.fireAt - now);
      } else {
        const outcome = await callInterview(input, state, decision.step, now);
        if (outcome.type === 'closed') {
          log.info('case closed in the database before its interview was due', { caseId: input.caseId });
          Object.assign(state, { status: 'closed', next: null });
        } else if (outcome.type === 'rejected') {
          const rejection = outcome.reason;
          log.error('case aborted: the database refused the interview', { caseId: input.caseId, rejection });
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
  return resultOf(input.caseId, state);
}

type InterviewOutcome = { type: 'issued' } | { type: 'closed' } | { type: 'rejected'; reason: string };

/**
 * Records the interview with its summons (notices and invite, written by the activity in the step's transaction),
 * then starts the interview's workflow, which outlives the case's waiting. The activity reads the case first: one
 * closed meanwhile (its verification's signal not yet here) calls nobody, and an interview the office already
 * arranged for the case counts as the step, as on the embedded engine.
 */
async function callInterview(
  input: SupervisionCaseWorkflowInput,
  state: CaseState,
  step: PlannedStep<'interview'>,
  now: Instant,
): Promise<InterviewOutcome> {
  try {
    const { interviewId, appointment } = await activities.scheduleInterview({
      caseId: input.caseId,
      unitId: input.unitId,
      dedupKey: step.dedupKey,
      recipients: step.recipients,
      scheduledAt: step.scheduledAt,
      issuedAt: now,
      provisionalCalendar: step.provisionalCalendar,
    });
    if (interviewId === null) {
      return { type: 'closed' };
    }
    if (appointment !== null) {
      await startInterviewWorkflow({
        interviewId,
        caseId: input.caseId,
        unitId: input.unitId,
        ...(appointment ? { appointment } : {}),
      });
    }
    state.interviewIds.push(interviewId);
    state.steps.push({ kind: 'interview', at: now, round: 0 });
    return { type: 'issued' };
  } catch (error) {
    const rejection = domainRejection(error);
    if (rejection === undefined) {
      throw error;
    }
    return { type: 'rejected', reason: rejection };
  }
}

/** An interview workflow that already exists (a retried step, or one the API started) is kept. */
async function startInterviewWorkflow(interview: InterviewWorkflowInput): Promise<void> {
  try {
    await startChild(interviewWorkflow, {
      workflowId: interviewWorkflowId(interview.interviewId),
      args: [interview],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) {
      throw error;
    }
  }
}

function resultOf(caseId: string, state: CaseState): SupervisionCaseWorkflowResult {
  return {
    caseId,
    status: state.status,
    rectificationDeadline: state.rectificationDeadline,
    steps: [...state.steps],
    interviewIds: [...state.interviewIds],
    ...(state.abortReason !== undefined ? { abortReason: state.abortReason } : {}),
  };
}

function statusOf(caseId: string, state: CaseState): SupervisionCaseWorkflowStatus {
  return { ...resultOf(caseId, state), next: state.next, rejectedSignals: [...state.rejectedSignals] };
}
