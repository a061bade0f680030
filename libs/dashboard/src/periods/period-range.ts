import { DomainError } from '@app/core';
import { isPeriod, periodContaining, periodStartDate, previousPeriod } from '@app/reporting';
import type { PeriodCycle } from '@app/reporting';
import { localDateOf } from '@app/workflows';

/** A span of reporting periods, by the first day of each (periods of both cycles order by their start). */
export interface PeriodRange {
  from: string;
  to: string;
  /** `period_start` bounds, inclusive (YYYY-MM-DD). */
  firstStart: string;
  lastStart: string;
}

/** Longest span a trend or matrix covers in one request: three years of months. */
export const MAX_RANGE_MONTHS = 36;

/**
 * The period being reported on at `now`: the month before the current one (in Asia/Shanghai), since a month is
 * reported on early in the next.
 */
export function currentReportingPeriod(now: Date): string {
  return previousPeriod(periodContaining(localDateOf(now.getTime()), 'monthly'));
}

export function checkPeriod(field: string, period: string): string {
  if (!isPeriod(period)) {
    throw DomainError.invalid(field, '格式应为 YYYY-MM（月度）或 YYYY-Qn（季度）');
  }
  return period;
}

/**
 * `from`..`to`, by default January of `to`'s year up to the period being reported on (or, with `toCurrent`, up to
 * the current month, for figures that count events as they happen).
 */
export function periodRange(now: Date, from?: string, to?: string, toCurrent = false): PeriodRange {
  const fallback = toCurrent ? periodContaining(localDateOf(now.getTime()), 'monthly') : currentReportingPeriod(now);
  const last = to === undefined ? fallback : checkPeriod('to', to);
  const first = from === undefined ? `${last.slice(0, 4)}-01` : checkPeriod('from', from);
  const firstStart = periodStartDate(first);
  const lastStart = periodStartDate(last);
  if (firstStart > lastStart) {
    throw DomainError.invalid('from', '起始周期不能晚于结束周期');
  }
  const months =
    (Number(lastStart.slice(0, 4)) - Number(firstStart.slice(0, 4))) * 12 +
    Number(lastStart.slice(5, 7)) -
    Number(firstStart.slice(5, 7));
  if (months >= MAX_RANGE_MONTHS) {
    throw DomainError.invalid('from', `跨度不能超过 ${MAX_RANGE_MONTHS} 个月`);
  }
  return { from: first, to: last, firstStart, lastStart };
}

/** Every month and quarter that starts within the range, in order: what a range of reports covers. */
export function periodsIn(range: PeriodRange, cycles: readonly PeriodCycle[] = ['monthly', 'quarterly']): string[] {
  const periods: string[] = [];
  let year = Number(range.firstStart.slice(0, 4));
  let month = Number(range.firstStart.slice(5, 7));
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    if (start > range.lastStart) {
      return periods;
    }
    if (cycles.includes('monthly')) {
      periods.push(start.slice(0, 7));
    }
    if (cycles.includes('quarterly') && month % 3 === 1) {
      periods.push(`${year}-Q${(month + 2) / 3}`);
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
