import { ladderCalendar, localDateOf, WorkingCalendar } from '@app/workflows';
import { escalationLadderOf } from '../plan-ladder/plan-ladder-rules';
import type { PlanLadderState } from '../plan-ladder/plan-ladder.reader';

/** The working calendar at the plan's own office hours when its ladder sets them, as the ladder's steps use. */
export function planCalendar(base: WorkingCalendar, state: PlanLadderState): WorkingCalendar {
  return state.custom ? ladderCalendar(base, escalationLadderOf(state.ladder)) : base;
}

/** The first office opening strictly after `now`: today's if the office has not opened yet, else the next one. */
export function nextOfficeOpening(calendar: WorkingCalendar, now: Date): Date {
  const today = localDateOf(now.getTime());
  const opening = calendar.officeStart(today);
  if (calendar.isWorkingDay(today) && now.getTime() < opening) {
    return new Date(opening);
  }
  return new Date(calendar.officeStart(calendar.nextWorkingDay(today)));
}
