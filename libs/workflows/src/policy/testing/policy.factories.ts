import { loadCalendarData } from '../../calendar/calendar-data.loader';
import { EscalationLadder } from '../escalation-ladder';
import { nextEscalationStep, ObligationSnapshot } from '../escalation-policy';
import { IssuedStep } from '../escalation-steps';
import { Instant } from '../shanghai-time';
import { WorkingCalendar } from '../working-calendar';

/** Test-only builders. Not exported from the lib. */

let realCalendar: WorkingCalendar | undefined;

/** The real calendar for 2024–2028: chinese-days for 2024–2026, the statutory fallback for 2027–2028. */
export function chineseCalendar(): WorkingCalendar {
  realCalendar ??= new WorkingCalendar(loadCalendarData({ fromYear: 2024, toYear: 2028 }).data);
  return realCalendar;
}

/** `shanghai('2025-10-09 09:00')`: a wall-clock time in Asia/Shanghai as an instant. */
export function shanghai(localDateTime: string): Instant {
  const instant = Date.parse(`${localDateTime.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(instant)) {
    throw new Error(`bad local date-time in a test: ${localDateTime}`);
  }
  return instant;
}

/** Shanghai wall-clock `YYYY-MM-DD HH:MM` of an instant, for readable assertions. */
export function wallClock(instant: Instant): string {
  return new Date(instant + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function anObligation(overrides: Partial<ObligationSnapshot> = {}): ObligationSnapshot {
  return {
    id: 'obligation-1',
    unitId: 'unit-1',
    period: '2025-09',
    dueAt: shanghai('2025-10-03 23:59'),
    status: 'open',
    ...overrides,
  };
}

export interface SimulationOptions {
  readonly obligation: ObligationSnapshot;
  readonly calendar: WorkingCalendar;
  readonly ladder?: EscalationLadder;
  readonly previousPeriodOverdue?: boolean;
  readonly history?: readonly IssuedStep[];
  readonly start: Instant;
  readonly until: Instant;
  /** The report arrives at this instant; the driver wakes for it as a workflow wakes for a signal. */
  readonly submitAt?: Instant;
  /** Extra milliseconds the driver oversleeps at its first wake-ups, one entry per wake-up, as after outages. */
  readonly lateWakeUps?: readonly number[];
}

/**
 * Drives the policy as both engines do: ask, issue the step when it is due now, otherwise sleep until `fireAt`
 * (or until the report arrives) and ask again. Returns the history it built, oldest first.
 */
export function simulateLadder(options: SimulationOptions): IssuedStep[] {
  const history: IssuedStep[] = [...(options.history ?? [])];
  const round = options.obligation.round ?? 0;
  let now = options.start;
  for (let wakeUp = 0; wakeUp < 200; wakeUp++) {
    const submitted = options.submitAt !== undefined && now >= options.submitAt;
    const decision = nextEscalationStep({
      obligation: submitted ? { ...options.obligation, status: 'submitted' } : options.obligation,
      history,
      previousPeriodOverdue: options.previousPeriodOverdue ?? false,
      calendar: options.calendar,
      ladder: options.ladder,
      now,
    });
    if (decision.type === 'none') {
      break;
    }
    if (decision.step.fireAt <= now) {
      history.push({ kind: decision.step.kind, at: now, round });
      continue;
    }
    let wake = decision.step.fireAt + (options.lateWakeUps?.[wakeUp] ?? 0);
    if (options.submitAt !== undefined && options.submitAt > now && options.submitAt < wake) {
      wake = options.submitAt;
    }
    if (wake > options.until) {
      break;
    }
    now = wake;
  }
  return history;
}
