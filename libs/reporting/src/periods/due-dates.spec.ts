import { loadCalendarData, WorkingCalendar } from '@app/workflows';
import { dueAtFor, dueDateFor, ReportingRules, returnDueAt } from './due-dates';

const calendar = new WorkingCalendar(loadCalendarData({ fromYear: 2025, toYear: 2028 }).data);
const rules: ReportingRules = { leadDueDay: 3, participantDueDay: 1, returnWorkingDays: 3 };
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('dueDateFor', () => {
  it('should keep the 3rd of the next month when it is a working day', () => {
    expect(dueDateFor('2026-05', 3, calendar)).toBe('2026-06-03');
  });

  it('should move a due day inside the National Day holiday to the first working day after it', () => {
    // 2026 国庆: 1–7 October off, the 8th (a Thursday) is the first working day per the holiday package.
    expect(calendar.isWorkingDay('2026-10-03')).toBe(false);
    expect(dueDateFor('2026-09', 3, calendar)).toBe('2026-10-08');
    expect(dueDateFor('2026-09', 1, calendar)).toBe('2026-10-08');
  });

  it('should move a due day on a weekend to the Monday', () => {
    // 2026-01-03 is a Saturday of the New Year holiday; Sunday the 4th is a make-up working day (调休).
    expect(dueDateFor('2025-12', 3, calendar)).toBe('2026-01-04');
    expect(dueDateFor('2026-02', 1, calendar)).toBe('2026-03-02');
  });

  it('should move a due day inside the Labour Day holiday past it', () => {
    expect(dueDateFor('2026-04', 3, calendar)).toBe('2026-05-06');
  });

  it('should roll over the year for December and take the month after a quarter ends', () => {
    expect(dueDateFor('2026-12', 5, calendar)).toBe('2027-01-05');
    expect(dueDateFor('2026-Q2', 3, calendar)).toBe('2026-07-03');
    expect(dueDateFor('2026-Q4', 3, calendar)).toBe(calendar.workingDayAtOrAfter('2027-01-03'));
  });

  it('should clamp a due day beyond the end of the month', () => {
    expect(dueDateFor('2026-01', 31, calendar)).toBe(calendar.workingDayAtOrAfter('2026-02-28'));
  });
});

describe('dueAtFor', () => {
  it('should be due at 18:00 Asia/Shanghai, leads on their day and participants on theirs', () => {
    expect(dueAtFor('2026-05', 'lead', rules, calendar)).toEqual(shanghai('2026-06-03 18:00'));
    expect(dueAtFor('2026-05', 'local', rules, calendar)).toEqual(shanghai('2026-06-03 18:00'));
    expect(dueAtFor('2026-05', 'participant', rules, calendar)).toEqual(shanghai('2026-06-01 18:00'));
  });
});

describe('returnDueAt', () => {
  it('should give three working days after the return, skipping the weekend', () => {
    expect(returnDueAt(shanghai('2026-05-20 15:00'), rules, calendar)).toEqual(shanghai('2026-05-25 18:00'));
  });

  it('should count from a return made on a holiday, make-up Saturdays included', () => {
    // 8 and 9 October are working days, and so is Saturday the 10th (调休 for the National Day holiday).
    expect(returnDueAt(shanghai('2026-10-02 10:00'), rules, calendar)).toEqual(shanghai('2026-10-10 18:00'));
  });
});
