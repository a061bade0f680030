import type { AssignmentRole } from '@app/plans';
import { localDateOf, WorkingCalendar } from '@app/workflows';
import { daysInMonth, localDate, monthsOf } from './reporting-period';

/** The plan's reporting rule: due days of the month after the period, and the time a returned report gets. */
export interface ReportingRules {
  /** Lead units (and lower governments carrying a 地方落实 task) report to the office by this day (每月3日前). */
  leadDueDay: number;
  /** Participants report their part to the lead by this day, earlier than the lead. */
  participantDueDay: number;
  /** Working days a returned (退回) report has to come back, counted from the day after the return. */
  returnWorkingDays: number;
}

export const DEFAULT_RETURN_WORKING_DAYS = 3;

/** Lower governments report on a 地方落实 task like leads: straight to the office. */
export function dueDayFor(role: AssignmentRole, rules: ReportingRules): number {
  return role === 'participant' ? rules.participantDueDay : rules.leadDueDay;
}

/**
 * The due date of a period's report: the due day of the month after the period ends (clamped to that month's
 * length), moved to the next working day when it is a weekend or holiday.
 */
export function dueDateFor(period: string, dueDay: number, calendar: WorkingCalendar): string {
  const months = monthsOf(period);
  const last = months[months.length - 1];
  const year = last.month === 12 ? last.year + 1 : last.year;
  const month = last.month === 12 ? 1 : last.month + 1;
  return calendar.workingDayAtOrAfter(localDate(year, month, Math.min(dueDay, daysInMonth(year, month))));
}

/** Reports are due at the end of office hours (18:00 Asia/Shanghai) of the due date. */
export function dueAtFor(period: string, role: AssignmentRole, rules: ReportingRules, calendar: WorkingCalendar): Date {
  return new Date(calendar.officeEnd(dueDateFor(period, dueDayFor(role, rules), calendar)));
}

/** A returned report is due at the end of office hours `returnWorkingDays` working days after the return. */
export function returnDueAt(returnedAt: Date, rules: ReportingRules, calendar: WorkingCalendar): Date {
  const date = calendar.addWorkingDays(localDateOf(returnedAt.getTime()), rules.returnWorkingDays);
  return new Date(calendar.officeEnd(date));
}
