import { DomainError } from '@app/core';

/** How often a task is reported on: every month (`YYYY-MM`) or every quarter (`YYYY-Qn`). */
export type PeriodCycle = 'monthly' | 'quarterly';

export interface ParsedPeriod {
  cycle: PeriodCycle;
  year: number;
  /** The month (1–12) of a monthly period, the quarter (1–4) of a quarterly one. */
  index: number;
}

const MONTHLY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTERLY = /^(\d{4})-Q([1-4])$/;
const QUARTER_NAMES = ['一', '二', '三', '四'];

export function isPeriod(value: string): boolean {
  return MONTHLY.test(value) || QUARTERLY.test(value);
}

export function parsePeriod(period: string): ParsedPeriod {
  const monthly = MONTHLY.exec(period);
  if (monthly) {
    return { cycle: 'monthly', year: Number(monthly[1]), index: Number(monthly[2]) };
  }
  const quarterly = QUARTERLY.exec(period);
  if (quarterly) {
    return { cycle: 'quarterly', year: Number(quarterly[1]), index: Number(quarterly[2]) };
  }
  throw DomainError.invalid('period', '报送周期格式应为 YYYY-MM（月度）或 YYYY-Qn（季度）');
}

export function formatPeriod(parsed: ParsedPeriod): string {
  return parsed.cycle === 'monthly'
    ? `${parsed.year}-${String(parsed.index).padStart(2, '0')}`
    : `${parsed.year}-Q${parsed.index}`;
}

/** The period of the given cycle that contains a local date (`YYYY-MM-DD`). */
export function periodContaining(date: string, cycle: PeriodCycle): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return formatPeriod({ cycle, year, index: cycle === 'monthly' ? month : Math.ceil(month / 3) });
}

/** The months a period covers, as `{ year, month }`, first to last. */
export function monthsOf(period: string): Array<{ year: number; month: number }> {
  const parsed = parsePeriod(period);
  if (parsed.cycle === 'monthly') {
    return [{ year: parsed.year, month: parsed.index }];
  }
  const first = (parsed.index - 1) * 3 + 1;
  return [0, 1, 2].map((offset) => ({ year: parsed.year, month: first + offset }));
}

export function periodStartDate(period: string): string {
  const { year, month } = monthsOf(period)[0];
  return localDate(year, month, 1);
}

export function periodEndDate(period: string): string {
  const months = monthsOf(period);
  const { year, month } = months[months.length - 1];
  return localDate(year, month, daysInMonth(year, month));
}

export function previousPeriod(period: string): string {
  const parsed = parsePeriod(period);
  const last = parsed.cycle === 'monthly' ? 12 : 4;
  return parsed.index === 1
    ? formatPeriod({ ...parsed, year: parsed.year - 1, index: last })
    : formatPeriod({ ...parsed, index: parsed.index - 1 });
}

/** The periods to open when the cycle of `period` begins: a month opens itself and, for quarterly tasks, its quarter. */
export function periodsOpenedBy(period: string): Record<PeriodCycle, string | null> {
  const parsed = parsePeriod(period);
  if (parsed.cycle === 'quarterly') {
    return { monthly: null, quarterly: period };
  }
  return { monthly: period, quarterly: periodContaining(periodStartDate(period), 'quarterly') };
}

/** How the period reads in a notice: 2026年5月, 2026年第二季度. */
export function periodLabel(period: string): string {
  const parsed = parsePeriod(period);
  return parsed.cycle === 'monthly'
    ? `${parsed.year}年${parsed.index}月`
    : `${parsed.year}年第${QUARTER_NAMES[parsed.index - 1]}季度`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function localDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
