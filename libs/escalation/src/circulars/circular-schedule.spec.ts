import { loadCalendarData, WorkingCalendar } from '@app/workflows';
import { circularDueAt, circularSubject, parseCircularSubject } from './circular-schedule';
import { periodsListedFor } from './overdue-units';

const calendar = new WorkingCalendar(loadCalendarData({ fromYear: 2026, toYear: 2027 }).data);
const local = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe(circularDueAt.name, () => {
  it('should fall on the given working day after the latest lead due date, at the given time', () => {
    // Due Thursday 3 December 2026: Fri 4, Mon 7, Tue 8, Wed 9, Thu 10.
    expect(local(circularDueAt(['2026-12-03'], calendar, 5, '10:00'))).toBe('2026-12-10 10:00');
    expect(local(circularDueAt(['2026-12-01', '2026-12-03', '2026-12-02'], calendar, 1, '09:30'))).toBe(
      '2026-12-04 09:30',
    );
  });

  it('should count working days across the National Day holiday and its make-up Saturday', () => {
    // Due Wednesday 30 September 2026; 1–7 October are holidays, Saturday 10 October is worked.
    expect(local(circularDueAt(['2026-09-30'], calendar, 3, '10:00'))).toBe('2026-10-10 10:00');
  });

  it('should refuse an office without any due date', () => {
    expect(() => circularDueAt([], calendar, 5, '10:00')).toThrow();
  });
});

describe('circular subjects and periods', () => {
  it('should round-trip the office and month, and refuse anything else', () => {
    expect(parseCircularSubject(circularSubject(12, '2026-11'))).toEqual({ governmentId: 12, period: '2026-11' });
    expect(parseCircularSubject('12:2026-13')).toBeNull();
    expect(parseCircularSubject('x:2026-11')).toBeNull();
  });

  it('should list a quarter with the month that closes it', () => {
    expect(periodsListedFor('2026-11')).toEqual(['2026-11']);
    expect(periodsListedFor('2026-12')).toEqual(['2026-12', '2026-Q4']);
    expect(periodsListedFor('2026-03')).toEqual(['2026-03', '2026-Q1']);
  });
});
