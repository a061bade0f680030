import { matchesOf } from './regex';
import { canonicalizeText } from './text-normalizer';
import type { Deadline } from './types';

/** The deadline of a task whose text names no date: it runs for the life of the plan. */
export const NO_DEADLINE: Readonly<Deadline> = Object.freeze({ raw: '', date: null, kind: 'ongoing', every: null });

const YEAR = '(?:\\d{4}|[〇零一二三四五六七八九]{4})';
const MONTH = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const DAY = '(?:3[01]|[12]\\d|0?[1-9])';
const BEFORE = '(?:以前|之前|前)';
const HALF_OR_QUARTER = '(?:上半年|下半年|第?[一二三四1-4]季度)';

/**
 * One alternation, tried left to right at each position, so the longest family member that starts earliest wins:
 * `每年2月底前` before `2月底前`, `2018年年底前` before `2018年`.
 */
const DEADLINE_PATTERN = new RegExp(
  [
    // recurring: 每年 / 每10年开展1次 / 每3年开展1轮 / 每年2月底前 / 每月3日前 / 每季度
    `每(?:(?<rn>\\d{1,2})个?)?(?<ru>半年|年|季度|季|个月|月|周|旬)` +
      `(?:(?<rm>${MONTH})月(?:(?<rme>底|末)|(?<rmd>${DAY})日)?${BEFORE}?|(?<rd>${DAY})日${BEFORE}?)?` +
      `(?:(?:开展|进行|组织|召开|举办)?(?<rc>\\d{1,2})(?:次|轮|遍))?`,
    // from: 2017年起 / 自2017年起 / 自2017年7月起
    `(?<fp>自|从)?(?<fy>${YEAR})年(?:(?<fm>${MONTH})月(?:(?<fd>${DAY})日)?)?(?:起|开始)`,
    // once with a year: 2018年底前 / 2018年年底前 / 2017年11月底前 / 到2020年 / 2019年上半年
    `(?<op>截至|截止到|截止|到|至)?(?<oy>${YEAR})年` +
      `(?:(?<om>${MONTH})月(?:(?<ome>底|末|上旬|中旬|下旬)|(?<omd>${DAY})日)?|(?<oh>${HALF_OR_QUARTER}|年底|年末|年内|年中|底|末|内))?` +
      `(?<ob>${BEFORE})?`,
    // once, month only (year from the plan): 6月底前 / 12月31日前
    `(?<mp>截至|到|至)?(?<mm>${MONTH})月(?:(?<mme>底|末|上旬|中旬|下旬)|(?<mmd>${DAY})日)?(?<mb>${BEFORE})?`,
    // once, period of the plan year: 上半年 / 年底前 / 今年年底 / 明年6月底前 is covered above
    `(?<hp>截至|到|至)?(?<hy>今年|本年|当年|明年)?(?<hh>${HALF_OR_QUARTER}|年底|年末|年内|年中)(?<hb>${BEFORE})?`,
    // ongoing
    '(?<go>持续实施|长期坚持|长期实施|常态化推进)',
    // recurring without a stated period, used as an adverb: 定期巡查, 分年度对各地…进行评估
    '(?<gr>定期|分年度)',
  ].join('|'),
  'g',
);

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function toNumber(text: string): number {
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  if (text.startsWith('十')) {
    return 10 + (text.length > 1 ? CHINESE_DIGITS[text[1]] : 0);
  }
  return Number([...text].map((c) => CHINESE_DIGITS[c]).join(''));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day?: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12) {
    return null;
  }
  const last = lastDayOfMonth(year, month);
  const d = day === undefined ? last : day;
  return d >= 1 && d <= last ? `${year}-${pad(month)}-${pad(d)}` : null;
}

const TEN_DAY_PERIOD_END: Record<string, number | undefined> = { 上旬: 10, 中旬: 20 };

/** The last day of `年底`, `上半年`, `三季度`… in the given year. */
function periodEnd(year: number, period: string): string | null {
  const quarter = /^第?([一二三四1-4])季度$/.exec(period);
  if (quarter) {
    return isoDate(year, toNumber(quarter[1]) * 3);
  }
  return isoDate(year, period === '上半年' || period === '年中' || period === '中' ? 6 : 12);
}

function monthDate(year: number | null, month: string, end?: string, day?: string): string | null {
  if (year === null) {
    return null;
  }
  if (day !== undefined) {
    return isoDate(year, toNumber(month), Number(day));
  }
  return isoDate(year, toNumber(month), end === undefined ? undefined : TEN_DAY_PERIOD_END[end]);
}

function duration(groups: Record<string, string | undefined>): string {
  const n = groups.rn === undefined ? 1 : Number(groups.rn);
  const unit = groups.ru ?? '年';
  if (unit === '周') {
    return `P${n}W`;
  }
  if (unit === '旬') {
    return `P${10 * n}D`;
  }
  const months = unit === '年' ? 12 * n : unit === '半年' ? 6 : unit === '季度' || unit === '季' ? 3 * n : n;
  const times = groups.rc === undefined ? 1 : Number(groups.rc);
  const per = times > 1 && months % times === 0 ? months / times : months;
  return per % 12 === 0 ? `P${per / 12}Y` : `P${per}M`;
}

/** Characters after which a bare `2020年` reads as a date rather than part of a noun (`比2013年`, `更新2019年`). */
const BOUNDARY_BEFORE = new Set([
  '',
  '，',
  '。',
  '；',
  '：',
  '、',
  '！',
  '？',
  '（',
  '）',
  '“',
  '”',
  '"',
  '于',
  '在',
  '▯',
]);

/** After `定期`/`分年度`, a noun such as 制度 or 计划 before the next punctuation makes it part of a name. */
const NOUN_AFTER_ADVERB = /^[^，。；：、！？（）]{0,8}?(制度|计划|方案|清单|目标)/;

interface Compact {
  /** Canonical text without whitespace, so `2018 年 底前` and `2020 年底 前` match. */
  flat: string;
  /** Index in `canonical` of each character of `flat`. */
  at: number[];
  canonical: string;
}

/** Mask 《书名》 so titles such as `《2019年度…实施计划》` are not read as deadlines. */
function maskBookTitles(text: string): string {
  return text.replace(/《[^《》]*》/g, (m) => '▯'.repeat(m.length));
}

function compact(input: string): Compact {
  const canonical = canonicalizeText(input);
  const masked = maskBookTitles(canonical);
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < masked.length; i++) {
    if (!/\s/.test(masked[i])) {
      flat += masked[i];
      at.push(i);
    }
  }
  return { flat, at, canonical };
}

function toDeadline(
  groups: Record<string, string | undefined>,
  raw: string,
  planYear: number | null,
  before: string,
  after: string,
): Deadline | null {
  if (groups.go !== undefined) {
    return { raw, date: null, kind: 'ongoing', every: null };
  }
  if (groups.gr !== undefined) {
    if (NOUN_AFTER_ADVERB.test(after)) {
      return null;
    }
    return { raw, date: null, kind: 'recurring', every: groups.gr === '分年度' ? 'P1Y' : null };
  }
  if (groups.ru !== undefined) {
    return { raw, date: recurringStart(groups, planYear), kind: 'recurring', every: duration(groups) };
  }
  if (groups.fy !== undefined) {
    const year = toNumber(groups.fy);
    const month = groups.fm === undefined ? 1 : toNumber(groups.fm);
    const date = isoDate(year, month, groups.fd === undefined ? 1 : Number(groups.fd));
    return date === null ? null : { raw, date, kind: 'from', every: null };
  }
  if (groups.oy !== undefined) {
    const year = toNumber(groups.oy);
    const strong = groups.ome ?? groups.omd ?? groups.oh ?? groups.ob;
    if (strong === undefined && groups.op === undefined) {
      // A bare `2020年` is a date only where a date can start, and not a range, a 年度 or a list of years.
      if (!BOUNDARY_BEFORE.has(before) || /^(度|以来|[-—~至到]\d|[、和]\d)/.test(after)) {
        return null;
      }
    }
    const date =
      groups.om !== undefined
        ? monthDate(year, groups.om, groups.ome, groups.omd)
        : groups.oh !== undefined
          ? periodEnd(year, groups.oh)
          : isoDate(year, 12);
    return date === null ? null : { raw, date, kind: 'once', every: null };
  }
  if (groups.mm !== undefined) {
    if (groups.mme === undefined && groups.mmd === undefined && groups.mb === undefined) {
      return null;
    }
    if (/[\d年每]$/.test(before)) {
      return null;
    }
    return { raw, date: monthDate(planYear, groups.mm, groups.mme, groups.mmd), kind: 'once', every: null };
  }
  if (groups.hh !== undefined) {
    if (/[\d〇零一二三四五六七八九十两几多]$/.test(before)) {
      return null; // `3年内`, `五年内`: a span, not a date
    }
    const year = planYear === null ? null : groups.hy === '明年' ? planYear + 1 : planYear;
    return { raw, date: year === null ? null : periodEnd(year, groups.hh), kind: 'once', every: null };
  }
  return null;
}

/** Every phrase of the family has a digit or one of these characters; most task texts can be skipped cheaply. */
const MAY_HOLD_DEADLINE = /[\d０-９年月季期续常〇零一二三四五六七八九十]/;

/** The first due date of a recurring duty in the plan year (`每年2月底前` → 2月底, `每月3日前` → 1月3日). */
function recurringStart(groups: Record<string, string | undefined>, planYear: number | null): string | null {
  if (planYear === null || (groups.rn !== undefined && groups.rn !== '1')) {
    return null;
  }
  if (groups.ru === '年' && groups.rm !== undefined) {
    return monthDate(planYear, groups.rm, groups.rme, groups.rmd);
  }
  if ((groups.ru === '月' || groups.ru === '个月') && groups.rd !== undefined) {
    return isoDate(planYear, 1, Number(groups.rd));
  }
  return null;
}

/**
 * Every deadline phrase of the 期限 family in `text`, in reading order; a phrase used twice counts twice.
 * `planYear` dates month-only phrases (`6月底前`). `raw` is the phrase as it stands in the (width-normalised) text,
 * inner spaces included, line breaks removed. A text with no phrase yields one ongoing entry with `raw: ''`.
 */
export function extractDeadlines(text: string, planYear: number | null): Deadline[] {
  if (!MAY_HOLD_DEADLINE.test(text)) {
    return [{ ...NO_DEADLINE }];
  }
  const { flat, at, canonical } = compact(text);
  const found: Deadline[] = [];
  for (const match of matchesOf(DEADLINE_PATTERN, flat)) {
    const start = match.index;
    const end = start + match[0].length;
    const raw = canonical.slice(at[start], at[end - 1] + 1).replace(/\n/g, '');
    const before = start === 0 ? '' : flat[start - 1];
    const deadline = toDeadline(match.groups ?? {}, raw, planYear, before, flat.slice(end, end + 12));
    if (deadline !== null) {
      found.push(deadline);
    }
  }
  return found.length > 0 ? found : [{ ...NO_DEADLINE }];
}

const ONGOING_CELL = /^(持续|长期|常态化|经常性|逐年)/;

/**
 * One deadline phrase on its own, as in a 实施进度 cell: `2018年底`, `2017年起`, `持续实施`, `每年`. Returns the
 * ongoing entry for an empty phrase and null for a phrase outside the family.
 */
export function normalizeDeadline(phrase: string, planYear: number | null): Deadline | null {
  const trimmed = canonicalizeText(phrase).trim();
  if (trimmed === '') {
    return { ...NO_DEADLINE };
  }
  const [first] = extractDeadlines(trimmed, planYear);
  if (first.raw !== '') {
    return first;
  }
  return ONGOING_CELL.test(trimmed) ? { raw: trimmed, date: null, kind: 'ongoing', every: null } : null;
}
