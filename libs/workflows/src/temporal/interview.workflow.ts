import {
  ApplicationFailure,
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { STEP_RECIPIENTS } from '../policy/escalation-steps';
import { localDateOf, type Instant } from '../policy/shanghai-time';
import type { CalendarData, WorkingCalendar } from '../policy/working-calendar';
import type { EscalationActivities, InterviewAppointment, NoticeActivities } from './activities';
import {
  calendarRange,
  ChangeCounter,
  DATABASE_ACTIVITY,
  domainRejection,
  isFutureInstant,
  loadWorkingCalendar,
  withRejection,
  type RejectedSignal,
} from './workflow-support';

/**
 * An interview (约谈), id `interview:{interviewId}`: the office sets the time and place (and may move them), every
 * version of the appointment sends an invitation with a calendar file, and the attendees are reminded at the
 * office opening of the working day before. Ends when the office records that the interview was held (closing it
 * later needs it held first), or is cancelled with the interview.
 *
 * An interview starts with its first appointment (`input.appointment`), whose invitation went out with it: the
 * case's summons, or the office's notice when it arranged the interview by hand. Each move arrives as
 * `interviewScheduled` with the database's appointment number.
 */

export interface InterviewScheduledSignal {
  readonly startsAt: Instant;
  readonly place: string;
  /**
   * The appointment's number in the database (1 + moves): one the workflow already has (a redelivered signal) is
   * ignored. Without it, the next number.
   */
  readonly appointment?: number;
}
export interface InterviewHeldSignal {
  readonly minutesId?: string;
}

export const interviewScheduledSignal = defineSignal<[InterviewScheduledSignal]>('interviewScheduled');
export const interviewHeldSignal = defineSignal<[InterviewHeldSignal]>('interviewHeld');

export type InterviewState = 'awaiting_schedule' | 'scheduled' | 'held' | 'cancelled' | 'aborted';

export interface InterviewWorkflowStatus {
  readonly interviewId: string;
  readonly status: InterviewState;
  readonly startsAt: Instant | null;
  readonly place: string | null;
  /** Counts the appointments: 1 for the first, +1 per move. */
  readonly version: number;
  readonly rejectedSignals: readonly RejectedSignal[];
  readonly abortReason?: string;
}

export const interviewStatusQuery = defineQuery<InterviewWorkflowStatus>('status');

export interface InterviewWorkflowInput {
  readonly interviewId: string;
  /** The supervision case that called for it; none for an interview the office arranged on its own. */
  readonly caseId?: string;
  readonly unitId: string;
  /** The appointment made with the interview, already announced; without it the workflow waits for one. */
  readonly appointment?: InterviewAppointment;
  readonly calendar?: CalendarData;
}

export type InterviewWorkflowResult = Omit<InterviewWorkflowStatus, 'rejectedSignals'>;

const activities = proxyActivities<EscalationActivities & NoticeActivities>(DATABASE_ACTIVITY);

interface InterviewWorkflowState {
  status: InterviewState;
  appointment: InterviewAppointment | null;
  rejectedSignals: RejectedSignal[];
  abortReason?: string;
}

export async function interviewWorkflow(input: InterviewWorkflowInput): Promise<InterviewWorkflowResult> {
  const first = input.appointment;
  if (first !== undefined && !isAppointmentNumber(first.version)) {
    throw ApplicationFailure.nonRetryable(`invalid appointment number: ${String(first.version)}`, 'VALIDATION');
  }
  const state: InterviewWorkflowState = {
    status: first ? 'scheduled' : 'awaiting_schedule',
    appointment: first ?? null,
    rejectedSignals: [],
  };
  const changes = new ChangeCounter();
  const reject = (signal: string, reason: string): void => {
    log.warn('signal ignored', { interviewId: input.interviewId, signal, reason });
    state.rejectedSignals = withRejection(state.rejectedSignals, { signal, reason, at: Date.now() });
  };
  const live = (): boolean => state.status === 'awaiting_schedule' || state.status === 'scheduled';

  setHandler(interviewScheduledSignal, ({ startsAt, place, appointment }) => {
    const known = state.appointment?.version ?? 0;
    if (!live()) {
      reject('interviewScheduled', `status is ${state.status}`);
    } else if (appointment !== undefined && !isAppointmentNumber(appointment)) {
      reject('interviewScheduled', `invalid appointment number ${String(appointment)}`);
    } else if (appointment !== undefined && appointment <= known) {
      reject('interviewScheduled', `appointment ${appointment} is already known (latest ${known})`);
    } else if (!isFutureInstant(startsAt, Date.now())) {
      reject('interviewScheduled', `start ${startsAt} is not in the future`);
    } else {
      state.appointment = { startsAt, place, version: appointment ?? known + 1 };
      state.status = 'scheduled';
      changes.bump();
    }
  });
  setHandler(interviewHeldSignal, () => {
    if (state.status !== 'scheduled') {
      reject('interviewHeld', `status is ${state.status}`);
      return;
    }
    state.status = 'held';
    changes.bump();
  });
  setHandler(interviewStatusQuery, () => statusOf(input.interviewId, state));

  const startedAt = Date.now();
  const calendar = await loadWorkingCalendar(
    activities.loadCalendar,
    input.calendar,
    calendarRange(startedAt, startedAt),
  );
  let invited = first?.version ?? 0;
  let reminded = 0;
  let reminderAt: Instant | null = first ? reminderAfter(calendar, first.startsAt, Date.now()) : null;
  try {
    while (live()) {
      const appointment = state.appointment;
      const now = Date.now();
      if (appointment === null) {
        await changes.waitForChange();
      } else if (invited < appointment.version) {
        await notify(input, 'interview_invite', appointment, now);
        invited = appointment.version;
        reminderAt = reminderAfter(calendar, appointment.startsAt, now);
      } else if (reminderAt !== null && reminded < appointment.version) {
        if (reminderAt <= now) {
          await notify(input, 'interview_reminder', appointment, now);
          reminded = appointment.version;
        } else {
          await changes.waitForChange(reminderAt - now);
        }
      } else {
        await changes.waitForChange();
      }
    }
  } catch (error) {
    if (isCancellation(error)) {
      state.status = 'cancelled';
    } else {
      const rejection = domainRejection(error);
      if (rejection === undefined) {
        throw error;
      }
      log.error('interview aborted: the database refused a notice', { interviewId: input.interviewId, rejection });
      Object.assign(state, { status: 'aborted', abortReason: rejection });
    }
  }
  return resultOf(input.interviewId, state);
}

function resultOf(interviewId: string, state: InterviewWorkflowState): InterviewWorkflowResult {
  return {
    interviewId,
    status: state.status,
    startsAt: state.appointment?.startsAt ?? null,
    place: state.appointment?.place ?? null,
    version: state.appointment?.version ?? 0,
    ...(state.abortReason !== undefined ? { abortReason: state.abortReason } : {}),
  };
}

function statusOf(interviewId: string, state: InterviewWorkflowState): InterviewWorkflowStatus {
  return { ...resultOf(interviewId, state), rejectedSignals: [...state.rejectedSignals] };
}

/**
 * The office opening of the working day before the interview; `null` for an appointment made too late for it,
 * which gets the invitation only.
 */
function reminderAfter(calendar: WorkingCalendar, startsAt: Instant, now: Instant): Instant | null {
  const planned = calendar.officeStart(calendar.previousWorkingDay(localDateOf(startsAt)));
  return planned > now ? planned : null;
}

/** A payload may carry anything: the number is checked, not trusted. */
function isAppointmentNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

async function notify(
  input: InterviewWorkflowInput,
  kind: 'interview_invite' | 'interview_reminder',
  appointment: InterviewAppointment,
  issuedAt: Instant,
): Promise<void> {
  const step = kind === 'interview_invite' ? 'invite' : 'reminder';
  await activities.sendNotices({
    dedupKey: `notice:interview:${input.interviewId}:${step}:v${appointment.version}`,
    kind,
    subject: { type: 'interview', id: input.interviewId },
    unitId: input.unitId,
    recipients: STEP_RECIPIENTS.interview,
    issuedAt,
    facts: {
      startsAt: appointment.startsAt,
      place: appointment.place,
      ...(input.caseId !== undefined ? { caseId: input.caseId } : {}),
    },
  });
}
