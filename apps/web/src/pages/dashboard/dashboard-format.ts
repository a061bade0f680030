import type { Translate } from '../../i18n/i18n';

/** 0.8333 → "83.3%"; no reports due → "—". */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** "2026-11" → 2026年11月, "2026-Q4" → 2026年第4季度 (in the chosen language). */
export function periodLabel(t: Translate, period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    return t('dashboard.period.quarter', { year: quarter[1], quarter: quarter[2] });
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month ? t('dashboard.period.month', { year: month[1], month: Number(month[2]) }) : period;
}
