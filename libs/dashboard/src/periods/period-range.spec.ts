import { currentReportingPeriod, periodRange, periodsIn } from './period-range';

describe('period range', () => {
  describe(currentReportingPeriod.name, () => {
    it('should be the previous month in Asia/Shanghai', () => {
      expect(currentReportingPeriod(new Date('2026-12-04T01:30:00Z'))).toBe('2026-11');
      // 1 January 00:30 in Shanghai is still 31 December in UTC.
      expect(currentReportingPeriod(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12');
    });
  });

  describe(periodRange.name, () => {
    const now = new Date('2026-12-04T01:30:00Z');

    it('should default to January of the year up to the period being reported on', () => {
      expect(periodRange(now)).toEqual({
        from: '2026-01',
        to: '2026-11',
        firstStart: '2026-01-01',
        lastStart: '2026-11-01',
      });
    });

    it('should accept quarters', () => {
      expect(periodRange(now, '2026-Q1', '2026-Q4')).toMatchObject({
        firstStart: '2026-01-01',
        lastStart: '2026-10-01',
      });
    });

    it('should refuse a reversed, malformed or too long range', () => {
      expect(() => periodRange(now, '2026-05', '2026-04')).toThrow('起始周期不能晚于结束周期');
      expect(() => periodRange(now, '2026-13')).toThrow('YYYY-MM');
      expect(() => periodRange(now, '2020-01', '2026-11')).toThrow('36');
    });
  });

  describe(periodsIn.name, () => {
    it('should list the months and the quarters that start within the range', () => {
      const range = periodRange(new Date('2026-12-04T01:30:00Z'), '2026-02', '2026-04');
      expect(periodsIn(range)).toEqual(['2026-02', '2026-03', '2026-04', '2026-Q2']);
      expect(periodsIn(range, ['monthly'])).toEqual(['2026-02', '2026-03', '2026-04']);
    });

    it('should cross a year', () => {
      expect(periodsIn(periodRange(new Date('2027-02-04T01:30:00Z'), '2026-12', '2027-01'))).toEqual([
        '2026-12',
        '2027-01',
        '2027-Q1',
      ]);
    });
  });
});
