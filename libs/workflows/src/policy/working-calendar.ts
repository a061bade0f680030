import { PolicyError } from './policy-error';
import {
  Instant,
  LocalDate,
  MinuteOfDay,
  fromDayNumber,
  instantAt,
  isWeekendDayNumber,
  localDayNumberOf,
  localMinuteOf,
  parseTimeOfDay,
  toDayNumber,
} from './shanghai-time';

/**
 * The calendar as plain data, so it can cross into a workflow as an argument or a signal.
 * `holidays`: days off (statutory holidays and their bridging days; weekend entries are allowed and change nothing).
 * `workdays`: make-up working days (调休上班) that fall on a Saturday or Sunday.
 * `provisionalYears`: years whose holidays were derived from the law, not from the State Council's yearly notice.
 */
export interface CalendarData {
  readonly holidays: readonly LocalDate[];
  readonly workdays: readonly LocalDate[];
  readonly provisionalYears: readonly number[];
}

/**
 * Office hours in Asia/Shanghai as the half-open window [start, end): a step may fire from `start` (inclusive)
 * up to `end` (exclusive) on a working day. There is no lunch break: a notice at 12:30 reaches a desk that
 * afternoon, which is harmless, while a notice at 22:00 or on a Sunday is not.
 */
export interface OfficeHours {
  readonly start: string;
  readonly end: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { start: '09:00', end: '18:00' };

// A year of consecutive days off means the data is broken; stop instead of looping forever.
const MAX_DAYS_WITHOUT_WORK = 366;

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<number>;
  private readonly workdays: ReadonlySet<number>;
  private readonly provisionalYears: ReadonlySet<number>;
  private readonly startMinute: MinuteOfDay;
  private readonly endMinute: MinuteOfDay;

  constructor(
    private readonly data: CalendarData,
    readonly officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
  ) {
    this.holidays = new Set(data.holidays.map(toDayNumber));
    this.workdays = new Set(data.workdays.map(toDayNumber));
    this.provisionalYears = new Set(data.provisionalYears);
    const clash = [...this.workdays].find((day) => this.holidays.has(day));
    if (clash !== undefined) {
      const date = fromDayNumber(clash);
      throw new PolicyError(
        'CONFLICTING_CALENDAR_DAYS',
        `${date} 同时被标为节假日和工作日 / ${date} is listed both as a holiday and as a working day`,
      );
    }
    this.startMinute = parseTimeOfDay(officeHours.start);
    this.endMinute = parseTimeOfDay(officeHours.end);
    if (this.startMinute >= this.endMinute) {
      throw new PolicyError(
        'INVALID_OFFICE_HOURS',
        `办公时间须早于下班时间 / office hours must start before they end: ${officeHours.start}–${officeHours.end}`,
      );
    }
  }

  /** The same working days with other office hours (a plan's ladder may set its own); validated as in the constructor. */
  withOfficeHours(officeHours: OfficeHours): WorkingCalendar {
    if (officeHours.start === this.officeHours.start && officeHours.end === this.officeHours.end) {
      return this;
    }
    return new WorkingCalendar(this.data, officeHours);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  isProvisional(year: number): boolean {
    return this.provisionalYears.has(year);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, -1);
  }

  /** `date` itself when it is a working day, else the next one. */
  workingDayAtOrAfter(date: LocalDate): LocalDate {
    return fromDayNumber(this.workingDayNumberAtOrAfter(toDayNumber(date)));
  }

  /** `date` itself when it is a working day, else the previous one. */
  workingDayAtOrBefore(date: LocalDate): LocalDate {
    const day = toDayNumber(date);
    return this.isWorkingDayNumber(day) ? date : this.previousWorkingDay(date);
  }

  /**
   * The `n`-th working day after `date` (before it when `n` is negative), not counting `date` itself, which need
   * not be a working day. `n = 0` returns `date` unchanged.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) {
      throw new PolicyError('INVALID_INPUT', `工作日数须为整数 / working days must be an integer: ${n}`);
    }
    const step = n < 0 ? -1 : 1;
    let day = toDayNumber(date);
    for (let remaining = Math.abs(n); remaining > 0; remaining--) {
      day = this.stepToWorkingDay(day, step);
    }
    return fromDayNumber(day);
  }

  /**
   * Working days in (from, to] when `to` is later, minus the working days in [to, from) when it is earlier; so for
   * two working days `addWorkingDays(from, workingDaysBetween(from, to)) === to`.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    let count = 0;
    for (let day = Math.min(start, end) + 1; day <= Math.max(start, end); day++) {
      if (this.isWorkingDayNumber(end > start ? day : day - 1)) {
        count++;
      }
    }
    return end >= start ? count : -count;
  }

  /** The instant of `time` (`HH:MM`, default the start of office hours) on a local date, as UTC epoch ms. */
  atOfficeHour(date: LocalDate, time: string = this.officeHours.start): Instant {
    return instantAt(toDayNumber(date), parseTimeOfDay(time));
  }

  officeStart(date: LocalDate): Instant {
    return instantAt(toDayNumber(date), this.startMinute);
  }

  /** The end of office hours: the first instant that is no longer inside them. */
  officeEnd(date: LocalDate): Instant {
    return instantAt(toDayNumber(date), this.endMinute);
  }

  isWithinOfficeHours(instant: Instant): boolean {
    const minute = localMinuteOf(instant);
    return this.isWorkingDayNumber(localDayNumberOf(instant)) && minute >= this.startMinute && minute < this.endMinute;
  }

  /** `instant` itself inside office hours on a working day, else the next opening of the office. */
  firstWorkingInstantAtOrAfter(instant: Instant): Instant {
    if (this.isWithinOfficeHours(instant)) {
      return instant;
    }
    const day = localDayNumberOf(instant);
    if (this.isWorkingDayNumber(day) && localMinuteOf(instant) < this.startMinute) {
      return instantAt(day, this.startMinute);
    }
    return instantAt(this.stepToWorkingDay(day, 1), this.startMinute);
  }

  private isWorkingDayNumber(day: number): boolean {
    return this.workdays.has(day) || (!isWeekendDayNumber(day) && !this.holidays.has(day));
  }

  private workingDayNumberAtOrAfter(day: number): number {
    return this.isWorkingDayNumber(day) ? day : this.stepToWorkingDay(day, 1);
  }

  private stepToWorkingDay(from: number, step: 1 | -1): number {
    for (let offset = 1; offset <= MAX_DAYS_WITHOUT_WORK; offset++) {
      const day = from + offset * step;
      if (this.isWorkingDayNumber(day)) {
        return day;
      }
    }
    throw new PolicyError(
      'NO_WORKING_DAY',
      `${fromDayNumber(from)} 前后一年内没有工作日 / no working day within a year of ${fromDayNumber(from)}`,
    );
  }
}
