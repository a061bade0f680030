import { PolicyError } from './policy-error';

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * An instant as epoch milliseconds. Numbers survive Temporal's JSON payloads unchanged (a `Date` arrives as a
 * string) and subtract directly into timer durations.
 */
export type Instant = number;

/** Minutes after local midnight, parsed from `HH:MM`. */
export type MinuteOfDay = number;

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

// China has used UTC+8 without daylight saving since 1991, so a fixed offset is exact for every date this product
// handles; the process time zone is never consulted.
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 for a local date; throws on anything that is not a real `YYYY-MM-DD` date. */
export function toDayNumber(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return ms / DAY_MS;
    }
  }
  throw new PolicyError('INVALID_DATE', `日期格式应为 YYYY-MM-DD：${date} / not a YYYY-MM-DD date: ${date}`);
}

export function fromDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekendDayNumber(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function yearOf(date: LocalDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

export function parseTimeOfDay(time: string): MinuteOfDay {
  const match = TIME_PATTERN.exec(time);
  if (!match) {
    throw new PolicyError('INVALID_TIME', `时间格式应为 HH:MM：${time} / not an HH:MM time: ${time}`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

export function localDateOf(instant: Instant): LocalDate {
  return fromDayNumber(localDayNumberOf(instant));
}

export function localDayNumberOf(instant: Instant): number {
  return Math.floor((instant + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Minutes after local midnight, fractional when the instant is not on a whole minute. */
export function localMinuteOf(instant: Instant): number {
  const shifted = instant + SHANGHAI_OFFSET_MS;
  return (shifted - Math.floor(shifted / DAY_MS) * DAY_MS) / MINUTE_MS;
}

export function instantAt(dayNumber: number, minute: MinuteOfDay): Instant {
  return dayNumber * DAY_MS + minute * MINUTE_MS - SHANGHAI_OFFSET_MS;
}
