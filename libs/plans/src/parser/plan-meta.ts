import { chineseNumeralValue } from './sections';
import type { SourceLine } from './text-normalizer';

/** The title and year of a plan, read from its first lines. */

/** Titles and dates sit at the top; the body starts soon after. */
const HEAD_LINES = 60;
const PLAN_WORD = /(计划|方案|要点|清单|分工|规划|分工表|任务表|责任表|一览表)(（[^（）]*）)?$/;
const NOT_TITLE_END = /(通知|日|号|府|室|局|文件|稿）)$/;
const MAX_TITLE_LINE = 40;

function headLines(lines: SourceLine[]): string[] {
  return lines
    .slice(0, HEAD_LINES)
    .map((l) => l.text.trim())
    .filter((text) => text !== '' && !text.includes('\t'));
}

/**
 * The plan's title: the first short line ending in 计划/方案/…, joined with the line before it when the title was
 * broken (`2019年度…土壤污染防治` + `攻坚重点工作实施计划`). A 关于印发《…》的通知 cover letter is skipped.
 */
export function inferTitle(lines: SourceLine[]): string | undefined {
  const head = headLines(lines);
  for (let i = 0; i < head.length; i++) {
    const text = head[i];
    if (text.length > MAX_TITLE_LINE || /[。，；]/.test(text) || !PLAN_WORD.test(text) || /^关于/.test(text)) {
      continue;
    }
    let title = text;
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
      const before = head[j];
      const joinable =
        before.length <= MAX_TITLE_LINE &&
        !/[。，；：]/.test(before) &&
        !NOT_TITLE_END.test(before) &&
        !PLAN_WORD.test(before) &&
        !/^\d{4}年\d{1,2}月\d{1,2}日$/.test(before) &&
        !/^（.*）$/.test(before);
      if (!joinable || title.length > MAX_TITLE_LINE) {
        break;
      }
      title = before + title;
    }
    return title.replace(/\s+/g, '');
  }
  return undefined;
}

const YEAR_IN_TITLE = /(\d{4})\s*年/;
const DATE_LINE =
  /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月(\s*[\d一二三四五六七八九十]{1,3}\s*日)?(印发)?$/;
const DOCUMENT_NUMBER = /〔(\d{4})〕|\[(\d{4})\]/;

function yearValue(text: string): number {
  return /^\d{4}$/.test(text) ? Number(text) : Number([...text].map((c) => chineseNumeralValue(c)).join(''));
}

/** The plan year: a year in the title (`2019年度…`), else the date line (`二〇一七年五月`), else the 发文字号. */
export function inferPlanYear(lines: SourceLine[], title: string | undefined): number | null {
  const fromTitle = title === undefined ? null : YEAR_IN_TITLE.exec(title);
  if (fromTitle) {
    return Number(fromTitle[1]);
  }
  const head = headLines(lines);
  for (const text of head) {
    const date = DATE_LINE.exec(text.replace(/\s+/g, ''));
    if (date) {
      return yearValue(date[1]);
    }
  }
  for (const text of head) {
    const number = DOCUMENT_NUMBER.exec(text);
    if (number) {
      return Number(number[1] ?? number[2]);
    }
  }
  return null;
}
