import { localDateOf, WorkingCalendar } from '@app/workflows';

/**
 * The end of the appeal window: office closing time of the `workingDays`-th working day after the release day (the
 * release day itself not counted; a release on a holiday counts from the next working day). The same rule as
 * `yearEndAssessmentWorkflow`, so both engines give the units the same deadline.
 */
export function appealDeadlineOf(calendar: WorkingCalendar, releasedAt: Date, workingDays: number): Date {
  const opening = localDateOf(calendar.firstWorkingInstantAtOrAfter(releasedAt.getTime()));
  return new Date(calendar.officeEnd(calendar.addWorkingDays(opening, workingDays)));
}
