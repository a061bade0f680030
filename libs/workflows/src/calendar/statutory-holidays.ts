import { PolicyError } from '../policy/policy-error';
import { LocalDate, fromDayNumber, isWeekendDayNumber, toDayNumber } from '../policy/shanghai-time';
import { qingmingDate, solarDateOfLunar } from './chinese-days.source';

export interface StatutoryDay {
  readonly date: LocalDate;
  readonly name: string;
  /** `substitute`: a weekday off in place of a statutory day that fell on a weekend (补假). */
  readonly kind: 'festival' | 'substitute';
}

/** The first year the current text of the law applies to. */
export const STATUTORY_RULES_FROM_YEAR = 2025;

/**
 * Days off fixed by law for a year the State Council's notice has not reached us for.
 *
 * Source: 《全国年节及纪念日放假办法》, fourth revision by the State Council's decision of 2024-11-10, in force
 * 2025-01-01. Art. 2: 元旦 1 day (1/1); 春节 4 days (农历除夕、正月初一至初三); 清明 1 day (the day of the solar
 * term); 劳动节 2 days (5/1, 5/2); 端午 1 day (农历五月初五); 中秋 1 day (农历八月十五); 国庆 3 days (10/1–10/3).
 * Art. 6: a statutory day falling on a Saturday or Sunday is made up on a working day (补假). The notice says which;
 * we take the first weekdays after the holiday, as every notice so far has. The swapped weekends (调休, Art. 7)
 * cannot be derived and are left out, so a provisional year may miss some make-up Saturdays: steps then fire a
 * day later, never on a day the office is closed.
 */
export function statutoryHolidays(year: number): StatutoryDay[] {
  if (!Number.isInteger(year) || year < STATUTORY_RULES_FROM_YEAR || year > 2100) {
    throw new PolicyError(
      'INVALID_INPUT',
      `法定节假日推算仅支持 ${STATUTORY_RULES_FROM_YEAR}–2100 年 / statutory holidays are derived for ` +
        `${STATUTORY_RULES_FROM_YEAR}–2100 only: ${year}`,
    );
  }
  const springFestival = toDayNumber(solarDateOfLunar(year, 1, 1));
  const festivals: Array<[number, string]> = [
    [toDayNumber(`${year}-01-01`), '元旦'],
    ...[-1, 0, 1, 2].map((offset): [number, string] => [springFestival + offset, '春节']),
    [toDayNumber(qingmingDate(year)), '清明'],
    [toDayNumber(`${year}-05-01`), '劳动节'],
    [toDayNumber(`${year}-05-02`), '劳动节'],
    [toDayNumber(solarDateOfLunar(year, 5, 5)), '端午'],
    [toDayNumber(solarDateOfLunar(year, 8, 15)), '中秋'],
    [toDayNumber(`${year}-10-01`), '国庆'],
    [toDayNumber(`${year}-10-02`), '国庆'],
    [toDayNumber(`${year}-10-03`), '国庆'],
  ];
  festivals.sort(([a], [b]) => a - b);

  const names = new Map<number, string>();
  for (const [day, name] of festivals) {
    names.set(day, names.has(day) ? `${names.get(day)}、${name}` : name);
  }
  const days: StatutoryDay[] = [...names].map(([day, name]) => ({ date: fromDayNumber(day), name, kind: 'festival' }));
  const taken = new Set(names.keys());
  for (const block of consecutiveBlocks(festivals)) {
    // Two festivals on one date (中秋 on 10/1) cost a day off just as a weekend does.
    let owed = block.filter(([day], index) => isWeekendDayNumber(day) || block[index - 1]?.[0] === day).length;
    for (let day = block[block.length - 1][0] + 1; owed > 0; day++) {
      if (!isWeekendDayNumber(day) && !taken.has(day)) {
        taken.add(day);
        days.push({ date: fromDayNumber(day), name: `${block[0][1]}补假`, kind: 'substitute' });
        owed--;
      }
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Festival days grouped into runs of consecutive dates (a shared date stays in one run). */
function consecutiveBlocks(sorted: Array<[number, string]>): Array<Array<[number, string]>> {
  const blocks: Array<Array<[number, string]>> = [];
  for (const entry of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && entry[0] - last[last.length - 1][0] <= 1) {
      last.push(entry);
    } else {
      blocks.push([entry]);
    }
  }
  return blocks;
}
