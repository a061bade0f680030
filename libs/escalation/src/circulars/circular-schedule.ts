import type { WorkingCalendar } from '@app/workflows';

/** `{governmentId}:{period}`: the circular timer's subject, one per office and month. */
export function circularSubject(governmentId: number, period: string): string {
  return `${governmentId}:${period}`;
}

export function parseCircularSubject(subject: string): { governmentId: number; period: string } | null {
  const match = /^(\d+):(\d{4}-(0[1-9]|1[0-2]))$/.exec(subject);
  return match ? { governmentId: Number(match[1]), period: match[2] } : null;
}

/**
 * When a period's circular is composed: at `time` on the `workingDaysAfter`-th working day after the latest lead
 * due date among the office's plans (each plan may set its own due day), so every lead's deadline has passed and
 * late reports had a few days to arrive.
 */
export function circularDueAt(
  leadDueDates: readonly string[],
  calendar: WorkingCalendar,
  workingDaysAfter: number,
  time: string,
): number {
  const latest = [...leadDueDates].sort().at(-1);
  if (latest === undefined) {
    throw new Error('a circular needs at least one lead due date');
  }
  return calendar.atOfficeHour(calendar.addWorkingDays(latest, workingDaysAfter), time);
}
