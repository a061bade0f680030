import { ActivityFailure, ApplicationFailure, condition, type ActivityOptions } from '@temporalio/workflow';
import { PolicyError } from '../policy/policy-error';
import { localDateOf, yearOf, type Instant } from '../policy/shanghai-time';
import { WorkingCalendar, type CalendarData } from '../policy/working-calendar';

/*
 * Shared by the workflow files, so it obeys their rules: imports only `@temporalio/workflow` and pure files of
 * this lib, and reads time only through the workflow API.
 */

/**
 * Every activity writes to the database and is idempotent on its dedup key, so it may be retried freely.
 * `maximumAttempts` is left unset (unlimited): a database outage delays a step, it must not lose it. Domain
 * errors arrive as non-retryable `ApplicationFailure`s (see `asActivity`) and end the retries at once. Notices are
 * rows too (inbox, email outbox): no activity talks to the mail server, whose retries are the outbox's own.
 */
export const DATABASE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
};

/** Signals that changed nothing, kept (the latest few) for the status query and the logs. */
export interface RejectedSignal {
  readonly signal: string;
  readonly reason: string;
  readonly at: Instant;
}

const REJECTIONS_KEPT = 10;

export function withRejection(list: readonly RejectedSignal[], rejection: RejectedSignal): RejectedSignal[] {
  return [...list.slice(-(REJECTIONS_KEPT - 1)), rejection];
}

/**
 * A counter that signal handlers bump when they change what the main loop waits for. The loop waits for a
 * change or for its next deadline: `condition` resolves on the first, and its timer fires on the second.
 */
export class ChangeCounter {
  private version = 0;

  bump(): void {
    this.version++;
  }

  /** `true` when something changed, `false` when `timeoutMs` passed first; waits for ever without a timeout. */
  async waitForChange(timeoutMs?: number): Promise<boolean> {
    const seen = this.version;
    if (timeoutMs === undefined) {
      await condition(() => this.version !== seen);
      return true;
    }
    return condition(() => this.version !== seen, timeoutMs);
  }
}

/** The reason a domain error gave, when an activity failed with one (`NOT_FOUND: …`); else `undefined`. */
export function domainRejection(error: unknown): string | undefined {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.nonRetryable) {
    return `${error.cause.type ?? 'ERROR'}: ${error.cause.message}`;
  }
  return undefined;
}

/** Whether a deadline can be moved to `value`: a finite instant after `now` (signals carry untyped JSON). */
export function isFutureInstant(value: Instant, now: Instant): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > now;
}

/** Years of calendar data a workflow loads: from its start to one year past its latest deadline. */
export interface CalendarRange {
  readonly fromYear: number;
  readonly toYear: number;
}

export function calendarRange(from: Instant, latestDeadline: Instant): CalendarRange {
  return { fromYear: yearOf(localDateOf(from)), toYear: yearOf(localDateOf(latestDeadline)) + 1 };
}

/** Whether `range` still covers a deadline moved to `deadline` (with the year after it, for cases and interviews). */
export function covers(range: CalendarRange, deadline: Instant): boolean {
  return yearOf(localDateOf(deadline)) + 1 <= range.toYear;
}

/**
 * The calendar as the workflow's input gave it, else from the `loadCalendar` activity. Workflows never build it
 * from a holiday package: that would read the package at replay time and break determinism when it changes.
 */
export async function loadWorkingCalendar(
  loadCalendar: (input: CalendarRange) => Promise<CalendarData>,
  given: CalendarData | undefined,
  range: CalendarRange,
): Promise<WorkingCalendar> {
  return new WorkingCalendar(given ?? (await loadCalendar(range)));
}

/**
 * Runs input validation of the pure policy (`resolveLadder`, …), failing the execution with a non-retryable
 * failure instead of failing workflow tasks for ever: a bad input never succeeds on retry.
 */
export function validInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PolicyError) {
      throw ApplicationFailure.nonRetryable(error.message, error.code);
    }
    throw error;
  }
}
