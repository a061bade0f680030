import { loadCalendarData, WorkingCalendar } from '@app/workflows';
import { appealDeadlineOf } from './appeal-window';

const calendar = new WorkingCalendar(
  loadCalendarData({ fromYear: 2026, toYear: 2027, corrections: [], officeNoticeYears: [] }).data,
);
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('appealDeadlineOf', () => {
  it('should end at office closing of the 5th working day after a release on a working day', () => {
    // Monday 21 December 2026: 22, 23, 24, 25, 28 December.
    expect(appealDeadlineOf(calendar, shanghai('2026-12-21T10:00:00'), 5)).toEqual(shanghai('2026-12-28T18:00:00'));
  });

  it('should count from the next working day when released on a weekend', () => {
    expect(appealDeadlineOf(calendar, shanghai('2026-12-19T10:00:00'), 5)).toEqual(shanghai('2026-12-28T18:00:00'));
  });

  it('should skip statutory holidays', () => {
    // Released Wednesday 30 December 2026: 31 Dec, then 元旦 (1 January 2027) is off: 31, 4, 5, 6, 7 January.
    expect(appealDeadlineOf(calendar, shanghai('2026-12-30T10:00:00'), 5)).toEqual(shanghai('2027-01-07T18:00:00'));
  });
});
