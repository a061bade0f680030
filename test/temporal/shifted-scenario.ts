import {
  DAY_MS,
  interviewWorkflowId,
  loadCalendarData,
  obligationWorkflowId,
  supervisionCaseWorkflowId,
  type CalendarData,
  type ObligationPage,
  type OpenPeriodObligationsInput,
  type OpenedObligation,
} from '@app/workflows';
import {
  instantOf,
  localTimeOf,
  type ExpectedStep,
  type LocalTime,
  type Scenario,
  type ScenarioEvent,
} from '../scenarios';

/*
 * A scenario moved into the future for a real Temporal server, whose clock cannot go back to 2026: every instant by
 * the same whole number of weeks, the calendar with it (so weekdays, holidays and make-up days stay aligned), and
 * every id under a prefix so that runs on a shared server never meet. Used by the real-server suites.
 */

const WEEK_MS = 7 * DAY_MS;

export interface ShiftedScenario {
  readonly scenario: Scenario;
  readonly prefix: string;
  /** Milliseconds added to every scenario instant. */
  readonly shift: number;
  readonly calendar: CalendarData;
  readonly obligations: readonly OpenedObligation[];
}

/** Shifts `scenario` to start at least a week after `now` (the server's time). */
export function shiftScenario(scenario: Scenario, prefix: string, now: number = Date.now()): ShiftedScenario {
  const opening = Math.min(...scenario.obligations.map((obligation) => instantOf(obligation.openedAt)));
  const shift = (Math.ceil((now - opening) / WEEK_MS) + 1) * WEEK_MS;
  const calendar = shiftCalendar(loadCalendarData(scenario.calendar).data, shift / DAY_MS);
  const obligations: OpenedObligation[] = scenario.obligations.map((obligation) => ({
    id: `${prefix}${obligation.id}`,
    unitId: obligation.unitId,
    taskId: obligation.taskId,
    period: obligation.period,
    dueAt: instantOf(obligation.dueAt) + shift,
    openedAt: instantOf(obligation.openedAt) + shift,
    previousPeriodOverdue: obligation.previousPeriodOverdue,
    ...(scenario.ladder ? { ladder: scenario.ladder } : {}),
  }));
  return { scenario, prefix, shift, calendar, obligations };
}

/** A scenario time on the shifted timeline. */
export function shiftedInstant(shifted: ShiftedScenario, time: LocalTime): number {
  return instantOf(time) + shifted.shift;
}

/** A shifted instant as the scenario writes it (to the minute). */
export function scenarioTime(shifted: ShiftedScenario, instant: number): LocalTime {
  return localTimeOf(instant - shifted.shift);
}

/** An id the workflows saw, without the run's prefix. */
export function scenarioId(shifted: ShiftedScenario, id: string): string {
  return id.startsWith(shifted.prefix) ? id.slice(shifted.prefix.length) : id;
}

/**
 * The instant a signal carries for a deadline or an appointment (`target`) given at scenario time `at`: shifted
 * when it lies after `at`, else an instant truly in the past of the server, so that a deadline the scenario moves
 * into the past is refused there too, whatever time the signal is really sent.
 */
export function signalledInstant(
  shifted: ShiftedScenario,
  at: LocalTime,
  target: LocalTime,
  serverNow: number,
): number {
  return instantOf(target) > instantOf(at) ? shiftedInstant(shifted, target) : serverNow - DAY_MS;
}

export interface ScenarioSignal {
  readonly workflowId: string;
  readonly name: string;
  readonly arg: object;
  /** The deadline or appointment the signal carries, when it carries one. */
  readonly sent: number | null;
}

/** The signal a scenario event becomes on the shifted timeline (`taskCancelled` is a cancellation, not a signal). */
export function scenarioSignal(
  shifted: ShiftedScenario,
  event: Exclude<ScenarioEvent, { type: 'taskCancelled' }>,
  serverNow: number,
): ScenarioSignal {
  const { prefix } = shifted;
  const instant = (target: LocalTime) => signalledInstant(shifted, event.at, target, serverNow);
  switch (event.type) {
    case 'submitted':
    case 'accepted': {
      const arg = { submissionId: event.submissionId };
      return { workflowId: obligationWorkflowId(`${prefix}${event.obligation}`), name: event.type, arg, sent: null };
    }
    case 'returned': {
      const newDueAt = instant(event.newDueAt);
      const arg = { submissionId: event.submissionId, newDueAt };
      return {
        workflowId: obligationWorkflowId(`${prefix}${event.obligation}`),
        name: 'returned',
        arg,
        sent: newDueAt,
      };
    }
    case 'waived': {
      const arg = { reason: event.reason };
      return { workflowId: obligationWorkflowId(`${prefix}${event.obligation}`), name: 'waived', arg, sent: null };
    }
    case 'deadlineChanged': {
      const dueAt = instant(event.dueAt);
      const workflowId = obligationWorkflowId(`${prefix}${event.obligation}`);
      return { workflowId, name: 'deadlineChanged', arg: { dueAt }, sent: dueAt };
    }
    case 'caseClosureRequested': {
      const arg = { requestId: event.requestId };
      return { workflowId: supervisionCaseWorkflowId(`${prefix}${event.case}`), name: event.type, arg, sent: null };
    }
    case 'caseVerified': {
      const arg = { approved: event.approved };
      return { workflowId: supervisionCaseWorkflowId(`${prefix}${event.case}`), name: event.type, arg, sent: null };
    }
    case 'interviewScheduled': {
      const startsAt = instant(event.startsAt);
      const workflowId = interviewWorkflowId(`${prefix}${event.interview}`);
      return { workflowId, name: event.type, arg: { startsAt, place: event.place }, sent: startsAt };
    }
    case 'interviewHeld':
      return { workflowId: interviewWorkflowId(`${prefix}${event.interview}`), name: event.type, arg: {}, sent: null };
  }
}

export interface PredictedObligation {
  readonly status: 'open' | 'submitted' | 'returned' | 'accepted' | 'waived' | 'cancelled';
  readonly round: number;
  readonly dueAt: number;
  /** How many signals the workflow recorded as ignored (`status.rejectedSignals`). */
  readonly rejected: number;
}

/**
 * What the obligation workflow's handlers make of `event` (libs/workflows/README.md, "Signals"), written down
 * independently of the workflow: a signal that no longer applies changes nothing and is recorded as rejected; a
 * deadline moved to where it already is changes nothing silently; a cancellation stops a live obligation. `sent` is
 * the instant the signal carries, `serverNow` the server's time when it arrives.
 */
export function predictObligation(
  state: PredictedObligation,
  event: ScenarioEvent,
  sent: number | null,
  serverNow: number,
): PredictedObligation {
  const waiting = state.status === 'open' || state.status === 'returned';
  const live = waiting || state.status === 'submitted';
  const reject = { ...state, rejected: state.rejected + 1 };
  const future = sent !== null && sent > serverNow;
  switch (event.type) {
    case 'submitted':
      return waiting ? { ...state, status: 'submitted' } : reject;
    case 'returned':
      return state.status === 'submitted' && future && sent !== null
        ? { ...state, status: 'returned', round: state.round + 1, dueAt: sent }
        : reject;
    case 'accepted':
      return state.status === 'submitted' ? { ...state, status: 'accepted' } : reject;
    case 'waived':
      return live ? { ...state, status: 'waived' } : reject;
    case 'deadlineChanged':
      return live && future && sent !== null ? { ...state, dueAt: sent } : reject;
    case 'taskCancelled':
      return live ? { ...state, status: 'cancelled' } : state;
    case 'caseClosureRequested':
    case 'caseVerified':
    case 'interviewScheduled':
    case 'interviewHeld':
      return state;
  }
}

/** `openPeriodObligations` over the shifted obligations, a page at a time, with the position as cursor. */
export function openShiftedPage(
  shifted: ShiftedScenario,
  { period, cursor, limit }: OpenPeriodObligationsInput,
): ObligationPage {
  const ofPeriod = shifted.obligations.filter((obligation) => obligation.period === period);
  const start = cursor === null ? 0 : Number(cursor);
  const end = start + limit;
  return { obligations: ofPeriod.slice(start, end), nextCursor: end < ofPeriod.length ? String(end) : null };
}

/** The periods the scenario opens, each with its cycle's instant, in order. */
export function cyclesOf(shifted: ShiftedScenario): Array<{ period: string; at: number }> {
  const cycles = new Map<string, number>();
  for (const obligation of shifted.obligations) {
    cycles.set(obligation.period, Math.min(cycles.get(obligation.period) ?? Infinity, obligation.openedAt));
  }
  return [...cycles].map(([period, at]) => ({ period, at })).sort((a, b) => a.at - b.at);
}

/** The expected steps of a subject (an obligation id, a case or interview label), in time order. */
export function stepsOfSubject(scenario: Scenario, subject: string): ExpectedStep[] {
  return scenario.expected.steps
    .filter((step) => step.subject === subject)
    .sort((a, b) => instantOf(a.at) - instantOf(b.at));
}

function shiftCalendar(data: CalendarData, days: number): CalendarData {
  const move = (date: string): string =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return { holidays: data.holidays.map(move), workdays: data.workdays.map(move), provisionalYears: [] };
}

/**
 * Polls until `done` (a query fails until the workflow's first task has completed, and a signal is seen only once
 * the workflow's next task ran); gives up after ten seconds with the last value, or the last error.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const value = await read();
      if (done(value) || attempt >= 50) {
        return value;
      }
    } catch (error) {
      if (attempt >= 50) {
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
