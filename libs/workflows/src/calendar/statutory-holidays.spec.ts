import { PolicyError } from '../policy/policy-error';
import { packageYear } from './chinese-days.source';
import { statutoryHolidays } from './statutory-holidays';

describe(statutoryHolidays.name, () => {
  it('should derive 2027 from the law with lunar dates and weekend make-up days when no notice exists', () => {
    const days = statutoryHolidays(2027).map((day) => `${day.date} ${day.name}`);
    expect(days).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节', // 除夕
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-02-09 春节补假',
      '2027-02-10 春节补假',
      '2027-04-05 清明',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-05-03 劳动节补假',
      '2027-05-04 劳动节补假',
      '2027-06-09 端午',
      '2027-09-15 中秋',
      '2027-10-01 国庆',
      '2027-10-02 国庆',
      '2027-10-03 国庆',
      '2027-10-04 国庆补假',
      '2027-10-05 国庆补假',
    ]);
  });

  it('should give an extra day when 中秋 falls inside 国庆', () => {
    const autumn = statutoryHolidays(2028)
      .filter((day) => day.date >= '2028-09-30' && day.date <= '2028-10-08')
      .map((day) => `${day.date} ${day.name}`);
    expect(autumn).toEqual([
      '2028-10-01 国庆',
      '2028-10-02 国庆',
      '2028-10-03 中秋、国庆',
      '2028-10-04 国庆补假',
      '2028-10-05 国庆补假',
    ]);
  });

  it.each([2025, 2026])('should be contained in the State Council notice for %i when the package lists it', (year) => {
    const notice = new Set(packageYear(year)?.holidays);
    expect(notice.size).toBeGreaterThan(0);
    for (const day of statutoryHolidays(year)) {
      expect(notice).toContain(day.date);
    }
  });

  it('should throw when the year predates the current law', () => {
    expect(() => statutoryHolidays(2024)).toThrow(PolicyError);
  });
});
