import {
  formatChineseDate,
  formatChineseDateTime,
  formatChineseDay,
  formatChineseTime,
  formatChineseTimeRange,
} from './chinese-date';

describe('chinese-date', () => {
  describe(formatChineseDate.name, () => {
    it('should render year, month, day and weekday when given a morning instant in Shanghai', () => {
      expect(formatChineseDate(new Date('2026-12-03T01:00:00Z'))).toBe('2026年12月3日（星期四）');
    });

    it('should use the Shanghai date when the UTC date is still the day before', () => {
      // 16:30 UTC on 2 December is 00:30 on 3 December in Shanghai.
      expect(formatChineseDate(new Date('2026-12-02T16:30:00Z'))).toBe('2026年12月3日（星期四）');
    });

    it('should render Sunday as 星期日 when the day is a Sunday', () => {
      expect(formatChineseDate(new Date('2026-12-06T04:00:00Z'))).toBe('2026年12月6日（星期日）');
    });

    it('should not depend on the process time zone when TZ is set elsewhere', () => {
      const saved = process.env.TZ;
      process.env.TZ = 'America/Los_Angeles';
      try {
        expect(formatChineseDateTime(new Date('2026-12-02T16:30:00Z'))).toBe('2026年12月3日（星期四）00:30');
      } finally {
        process.env.TZ = saved;
      }
    });

    it('should throw when the date is invalid', () => {
      expect(() => formatChineseDate(new Date('not a date'))).toThrow(RangeError);
    });
  });

  describe(formatChineseDay.name, () => {
    it('should omit the weekday when rendering the date under a signature', () => {
      expect(formatChineseDay(new Date('2026-01-01T00:00:00Z'))).toBe('2026年1月1日');
    });
  });

  describe(formatChineseTime.name, () => {
    it('should pad hours and minutes when they have one digit', () => {
      expect(formatChineseTime(new Date('2026-12-03T01:05:00Z'))).toBe('09:05');
    });
  });

  describe(formatChineseTimeRange.name, () => {
    it('should give the end as a time only when both ends are on the same day', () => {
      expect(formatChineseTimeRange(new Date('2026-12-03T06:30:00Z'), new Date('2026-12-03T08:00:00Z'))).toBe(
        '2026年12月3日（星期四）14:30—16:00',
      );
    });

    it('should give both dates when the range crosses midnight in Shanghai', () => {
      expect(formatChineseTimeRange(new Date('2026-12-03T15:00:00Z'), new Date('2026-12-03T17:00:00Z'))).toBe(
        '2026年12月3日（星期四）23:00—2026年12月4日（星期五）01:00',
      );
    });
  });
});
