import fc from 'fast-check';
import { PolicyError } from './policy-error';
import { fromDayNumber, toDayNumber } from './shanghai-time';
import { chineseCalendar, shanghai, wallClock } from './testing/policy.factories';
import { WorkingCalendar } from './working-calendar';

const calendar = chineseCalendar();
const anyDate = fc
  .integer({ min: toDayNumber('2024-03-01'), max: toDayNumber('2028-10-31') })
  .map((day) => fromDayNumber(day));
const anyInstant = fc.integer({ min: shanghai('2024-03-01 00:00'), max: shanghai('2028-10-31 00:00') });

describe(WorkingCalendar.name, () => {
  describe('constructor', () => {
    it('should throw when a day is both a holiday and a working day', () => {
      const data = { holidays: ['2025-10-11'], workdays: ['2025-10-11'], provisionalYears: [] };
      expect(() => new WorkingCalendar(data)).toThrow(PolicyError);
    });

    it('should throw when a date is malformed or does not exist', () => {
      expect(() => new WorkingCalendar({ holidays: ['2025-02-30'], workdays: [], provisionalYears: [] })).toThrow(
        PolicyError,
      );
      expect(() => new WorkingCalendar({ holidays: ['2025/10/01'], workdays: [], provisionalYears: [] })).toThrow(
        PolicyError,
      );
    });

    it('should throw when office hours end before they start', () => {
      const empty = { holidays: [], workdays: [], provisionalYears: [] };
      expect(() => new WorkingCalendar(empty, { start: '18:00', end: '09:00' })).toThrow(PolicyError);
    });
  });

  describe('isWorkingDay', () => {
    it.each([
      ['2025-10-01', false],
      ['2025-10-06', false], // 中秋 inside the 国庆 break
      ['2025-10-08', false],
      ['2025-09-28', true], // make-up Sunday
      ['2025-10-11', true], // make-up Saturday
      ['2025-10-12', false],
      ['2026-02-14', true], // make-up Saturday before 春节
      ['2026-02-15', false],
      ['2026-02-23', false],
      ['2026-02-24', true],
      ['2026-02-28', true], // make-up Saturday after 春节
      ['2026-10-10', true],
    ])('should say %s is a working day: %s when the 2025/2026 notices apply', (date, working) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
    });

    it('should treat 2027-01-01 as a holiday when the package has no 2027 notice', () => {
      expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
      expect(calendar.isWorkingDay('2027-02-10')).toBe(false); // 春节补假
      expect(calendar.isWorkingDay('2027-02-11')).toBe(true);
    });
  });

  describe('isProvisional', () => {
    it('should flag the fallback years only when the notice is missing', () => {
      expect(calendar.isProvisional(2026)).toBe(false);
      expect(calendar.isProvisional(2027)).toBe(true);
    });
  });

  describe('nextWorkingDay', () => {
    it('should skip the whole 国庆/中秋 break when asked on its eve', () => {
      expect(calendar.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    });

    it('should land on the make-up Saturday when 春节 2026 follows', () => {
      expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
      expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    });
  });

  describe('addWorkingDays', () => {
    it('should count make-up days when going forward and back', () => {
      expect(calendar.addWorkingDays('2025-10-03', 5)).toBe('2025-10-14');
      expect(calendar.addWorkingDays('2025-10-03', -2)).toBe('2025-09-29');
      expect(calendar.addWorkingDays('2025-10-05', 0)).toBe('2025-10-05');
    });

    it('should be undone by workingDaysBetween when n is any integer', () => {
      fc.assert(
        fc.property(anyDate, fc.integer({ min: -30, max: 30 }), (date, n) => {
          const moved = calendar.addWorkingDays(date, n);
          expect(calendar.workingDaysBetween(date, moved)).toBe(n);
          if (n !== 0) {
            expect(calendar.isWorkingDay(moved)).toBe(true);
          }
        }),
      );
    });

    it('should throw when n is not an integer', () => {
      expect(() => calendar.addWorkingDays('2025-10-03', 1.5)).toThrow(PolicyError);
    });
  });

  describe('workingDaysBetween', () => {
    it('should count the working days after the start up to the end when the end is later', () => {
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-11')).toBe(3);
      expect(calendar.workingDaysBetween('2025-10-11', '2025-09-30')).toBe(-3);
    });
  });

  describe('atOfficeHour', () => {
    it('should place 09:00 Shanghai at 01:00 UTC when the process time zone is anything', () => {
      expect(calendar.atOfficeHour('2025-10-09')).toBe(Date.parse('2025-10-09T01:00:00Z'));
      expect(calendar.atOfficeHour('2025-10-09', '17:30')).toBe(Date.parse('2025-10-09T09:30:00Z'));
    });

    it('should throw when the time is not HH:MM', () => {
      expect(() => calendar.atOfficeHour('2025-10-09', '9:00')).toThrow(PolicyError);
      expect(() => calendar.atOfficeHour('2025-10-09', '24:00')).toThrow(PolicyError);
    });
  });

  describe('firstWorkingInstantAtOrAfter', () => {
    it.each([
      ['2025-10-09 10:15', '2025-10-09 10:15'],
      ['2025-10-09 07:00', '2025-10-09 09:00'],
      ['2025-10-09 18:00', '2025-10-10 09:00'],
      ['2025-09-30 19:00', '2025-10-09 09:00'],
      ['2026-02-13 23:00', '2026-02-14 09:00'],
      ['2026-12-31 18:30', '2027-01-04 09:00'],
    ])('should move %s to %s when outside office hours', (from, to) => {
      expect(wallClock(calendar.firstWorkingInstantAtOrAfter(shanghai(from)))).toBe(to);
    });

    it('should return an office-hours instant no earlier than the input when given any instant', () => {
      fc.assert(
        fc.property(anyInstant, (instant) => {
          const first = calendar.firstWorkingInstantAtOrAfter(instant);
          expect(first).toBeGreaterThanOrEqual(instant);
          expect(calendar.isWithinOfficeHours(first)).toBe(true);
          expect(first === instant || !calendar.isWithinOfficeHours(instant)).toBe(true);
          expect(calendar.firstWorkingInstantAtOrAfter(first)).toBe(first);
        }),
      );
    });
  });
});
