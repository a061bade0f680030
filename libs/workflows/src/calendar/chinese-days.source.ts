import { getHolidaysInRange, getSolarDateFromLunar, getSolarTermDate, getWorkdaysInRange } from 'chinese-days';
import { LocalDate, isWeekendDayNumber, toDayNumber } from '../policy/shanghai-time';

// chinese-days reads and formats dates in the process's local time zone but parses `YYYY-MM-DD` strings as UTC,
// which moves its answers back a day west of UTC. Local-midnight Date objects keep reading and formatting in one
// zone, so these wrappers return the same dates whatever TZ the process runs in.
function localMidnight(year: number, month: number, day: number): Date {
  return new Date(year, month - 1, day);
}

export interface PackageYear {
  /** Days off listed by the State Council's notice, weekends included. */
  readonly holidays: LocalDate[];
  /** Saturdays and Sundays the notice turns into working days (调休上班). */
  readonly workdays: LocalDate[];
}

/** The year as chinese-days lists it, or `undefined` when the package has no notice for it (no 元旦 listed). */
export function packageYear(year: number): PackageYear | undefined {
  const start = localMidnight(year, 1, 1);
  const end = localMidnight(year, 12, 31);
  const holidays = getHolidaysInRange(start, end, false);
  if (holidays.length === 0) {
    return undefined;
  }
  const workdays = getWorkdaysInRange(start, end, true).filter((date) => isWeekendDayNumber(toDayNumber(date)));
  return { holidays, workdays };
}

/** The solar date of a day of a (non-leap) lunar month. */
export function solarDateOfLunar(lunarYear: number, lunarMonth: number, lunarDay: number): LocalDate {
  return getSolarDateFromLunar(localMidnight(lunarYear, lunarMonth, lunarDay)).date;
}

/** 清明: the day of the solar term, always in early April. */
export function qingmingDate(year: number): LocalDate {
  const reported = getSolarTermDate(year, 4, 'pure_brightness');
  const day = Number(reported.slice(8, 10));
  // getSolarTermDate formats UTC midnight of the true day in local time, so west of UTC it reports the day before.
  const shifted = new Date(Date.UTC(year, 3, day)).getDate() !== day;
  return `${year}-04-${String(shifted ? day + 1 : day).padStart(2, '0')}`;
}
