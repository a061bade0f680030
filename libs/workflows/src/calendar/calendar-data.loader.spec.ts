import { execFileSync } from 'child_process';
import { resolve } from 'path';
import { PolicyError } from '../policy/policy-error';
import { WorkingCalendar } from '../policy/working-calendar';
import { loadCalendarData } from './calendar-data.loader';

describe(loadCalendarData.name, () => {
  it('should take 2025 and 2026 from chinese-days and fall back to the law for 2027', () => {
    const { data, years } = loadCalendarData({ fromYear: 2025, toYear: 2027 });
    expect(years).toEqual([
      { year: 2025, source: 'package', provisional: false },
      { year: 2026, source: 'package', provisional: false },
      { year: 2027, source: 'statutory_fallback', provisional: true },
    ]);
    expect(data.provisionalYears).toEqual([2027]);
    expect(data.holidays).toEqual(expect.arrayContaining(['2025-10-06', '2026-02-15', '2027-01-01', '2027-02-05']));
    expect(data.workdays).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('should let office corrections win over the package and the fallback', () => {
    const { data } = loadCalendarData({
      fromYear: 2026,
      toYear: 2027,
      corrections: [
        { date: '2026-02-28', kind: 'holiday', note: '本地调整' },
        { date: '2027-02-10', kind: 'workday', note: '国务院通知' },
        { date: '2027-02-20', kind: 'workday', note: '国务院通知：调休上班' },
      ],
    });
    const calendar = new WorkingCalendar(data);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-10')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-20')).toBe(true);
  });

  it('should use only the office corrections for a year whose notice the office entered', () => {
    const { data, years } = loadCalendarData({
      fromYear: 2027,
      toYear: 2027,
      officeNoticeYears: [2027],
      corrections: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }],
    });
    expect(years).toEqual([{ year: 2027, source: 'office_notice', provisional: false }]);
    expect(data).toEqual({ holidays: ['2027-01-01'], workdays: [], provisionalYears: [] });
  });

  it('should throw when corrections contradict each other or are malformed', () => {
    const clash = [
      { date: '2027-02-10', kind: 'workday' as const, note: 'a' },
      { date: '2027-02-10', kind: 'holiday' as const, note: 'b' },
    ];
    expect(() => loadCalendarData({ fromYear: 2027, toYear: 2027, corrections: clash })).toThrow(PolicyError);
    const malformed = [{ date: '2027-2-10', kind: 'workday' as const, note: 'a' }];
    expect(() => loadCalendarData({ fromYear: 2027, toYear: 2027, corrections: malformed })).toThrow(PolicyError);
  });

  it('should throw when a year has neither a notice nor a statutory rule', () => {
    expect(() => loadCalendarData({ fromYear: 2003, toYear: 2004 })).toThrow(PolicyError);
  });

  describe('process time zone', () => {
    // Jest sandboxes process.env, so changing TZ inside a spec never reaches V8; a child process can.
    const zones = ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'];
    const script = `
      const { loadCalendarData } = require('./libs/workflows/src/calendar/calendar-data.loader');
      const { qingmingDate, solarDateOfLunar } = require('./libs/workflows/src/calendar/chinese-days.source');
      const results = ${JSON.stringify(zones)}.map((zone) => {
        process.env.TZ = zone;
        const lunar = [solarDateOfLunar(2027, 1, 1), solarDateOfLunar(2027, 8, 15), qingmingDate(2027)];
        return { zone, offset: new Date(2027, 0, 1).getTimezoneOffset(), lunar, ...loadCalendarData({ fromYear: 2025, toYear: 2028 }) };
      });
      process.stdout.write(JSON.stringify(results));
    `;

    it('should build the same data when the process runs east or west of UTC', () => {
      const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        cwd: resolve(__dirname, '../../../..'),
        encoding: 'utf8',
      });
      const results = JSON.parse(output) as Array<{ zone: string; offset: number; lunar: string[]; data: unknown }>;
      expect(new Set(results.map((result) => result.offset)).size).toBe(zones.length);
      for (const { lunar, data } of results) {
        expect(lunar).toEqual(['2027-02-06', '2027-09-15', '2027-04-05']);
        expect(data).toEqual(loadCalendarData({ fromYear: 2025, toYear: 2028 }).data);
      }
    });
  });
});
