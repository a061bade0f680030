import { PolicyError } from '../policy/policy-error';
import { LocalDate, fromDayNumber, toDayNumber } from '../policy/shanghai-time';
import { CalendarData } from '../policy/working-calendar';
import { packageYear } from './chinese-days.source';
import { STATUTORY_RULES_FROM_YEAR, statutoryHolidays } from './statutory-holidays';

/** A day the office sets itself: a local holiday, a notice the package lacks, a correction. It always wins. */
export interface CalendarCorrection {
  readonly date: LocalDate;
  readonly kind: 'holiday' | 'workday';
  readonly note: string;
}

/**
 * `package`: the State Council's notice as chinese-days lists it. `office_notice`: the office entered the notice
 * itself as corrections. `statutory_fallback`: derived from the law, shown to the office as provisional.
 */
export type CalendarYearSource = 'package' | 'office_notice' | 'statutory_fallback';

export interface CalendarYearInfo {
  readonly year: number;
  readonly source: CalendarYearSource;
  readonly provisional: boolean;
}

export interface LoadCalendarInput {
  readonly fromYear: number;
  readonly toYear: number;
  readonly corrections?: readonly CalendarCorrection[];
  /** Years whose notice the office has entered as corrections: neither the package nor the law is used for them. */
  readonly officeNoticeYears?: readonly number[];
}

export interface LoadedCalendar {
  readonly data: CalendarData;
  readonly years: readonly CalendarYearInfo[];
}

const MAX_YEARS = 50;

/**
 * Builds the working-calendar data for a range of years. Holiday packages publish a year only after the State
 * Council's notice (usually in November), and an outdated install never learns it: a year the package does not list
 * falls back to the statutory holidays and is marked provisional until the package or the office catches up.
 */
export function loadCalendarData(input: LoadCalendarInput): LoadedCalendar {
  const { fromYear, toYear } = input;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || toYear - fromYear >= MAX_YEARS) {
    throw new PolicyError('INVALID_INPUT', `年份范围无效 / invalid year range: ${fromYear}–${toYear}`);
  }
  const officeYears = new Set(input.officeNoticeYears ?? []);
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  const years: CalendarYearInfo[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    if (officeYears.has(year)) {
      years.push({ year, source: 'office_notice', provisional: false });
      continue;
    }
    const listed = packageYear(year);
    if (listed) {
      listed.holidays.forEach((date) => holidays.add(toDayNumber(date)));
      listed.workdays.forEach((date) => workdays.add(toDayNumber(date)));
      years.push({ year, source: 'package', provisional: false });
    } else if (year >= STATUTORY_RULES_FROM_YEAR) {
      statutoryHolidays(year).forEach((day) => holidays.add(toDayNumber(day.date)));
      years.push({ year, source: 'statutory_fallback', provisional: true });
    } else {
      throw new PolicyError('INVALID_INPUT', `没有 ${year} 年的节假日数据 / no holiday data for ${year}`);
    }
  }
  for (const [day, kind] of correctionsByDay(input.corrections ?? [])) {
    (kind === 'holiday' ? holidays : workdays).add(day);
    (kind === 'holiday' ? workdays : holidays).delete(day);
  }
  const sorted = (days: Set<number>): LocalDate[] => [...days].sort((a, b) => a - b).map(fromDayNumber);
  return {
    data: {
      holidays: sorted(holidays),
      workdays: sorted(workdays),
      provisionalYears: years.filter((info) => info.provisional).map((info) => info.year),
    },
    years,
  };
}

function correctionsByDay(corrections: readonly CalendarCorrection[]): Map<number, CalendarCorrection['kind']> {
  const byDay = new Map<number, CalendarCorrection['kind']>();
  for (const correction of corrections) {
    if (correction.kind !== 'holiday' && correction.kind !== 'workday') {
      throw new PolicyError('INVALID_INPUT', `更正类型无效 / invalid correction kind: ${String(correction.kind)}`);
    }
    const day = toDayNumber(correction.date);
    const earlier = byDay.get(day);
    if (earlier !== undefined && earlier !== correction.kind) {
      throw new PolicyError(
        'CONFLICTING_CALENDAR_DAYS',
        `${correction.date} 的更正相互矛盾 / conflicting corrections for ${correction.date}`,
      );
    }
    byDay.set(day, correction.kind);
  }
  return byDay;
}
