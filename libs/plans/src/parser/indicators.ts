import { extractDeadlines } from './deadline';
import type { Comparator, Indicator } from './types';

/**
 * 指标: quantitative targets such as `到2020年，受污染耕地安全利用率达到90%左右`. The target date is the first dated
 * phrase of the sentence that comes before the target.
 */

const VERBS =
  '达到|提高到|提升到|提高至|提升至|增加到|保持在|稳定在|控制在|降低到|降至|下降到|不低于|不少于|不高于|不超过|低于|高于|超过|下降|减少|削减|降低|提高|增长';
const UNITS = '%|个百分点|万亩|亩|公顷|平方公里|万吨|吨|万人|个|家|项|座|处|所';

const INDICATOR = new RegExp(
  `(?<name>[^，。；：（）\\n]{2,40}?)(?<verb>${VERBS})\\s*(?<number>\\d+(?:\\.\\d+)?)\\s*(?<unit>${UNITS})\\s*(?<modifier>以上|以下|左右|以内)?`,
  'g',
);
const ZERO_GROWTH = /(?<name>[^，。；：（）\n]{2,40}?)(?:实现)?零增长(?=[，。；、]|$)/g;

/** A name must say what is measured. */
const MEASURE = /(率|量|比例|比重|占比|面积|浓度|指数|数量|个数|总量|基数|水平)/;
const SCOPE_PREFIX =
  /^(?:[、，\s]|全市|全县|全省|全区|全国|我市|我县|我省|实现|确保|力争|使|其中|并且|并|且|(?:到|至|截至)?\d{4}年(?:\d{1,2}月)?(?:底|末)?(?:前|以前)?)+/;

function comparatorOf(verb: string, modifier: string | undefined): Comparator {
  if (modifier === '以上') {
    return '>=';
  }
  if (modifier === '以下' || modifier === '以内') {
    return '<=';
  }
  if (modifier === '左右') {
    return '=';
  }
  if (/^(不超过|不高于|低于|控制在|降低到|降至|下降到)$/.test(verb)) {
    return '<=';
  }
  return verb === '保持在' || verb === '稳定在' ? '=' : '>=';
}

/** A change (`比2013年下降9%`) keeps its verb in the name: the target is the size of the change. */
const CHANGE_VERB = /^(下降|减少|削减|降低|提高|增长)$/;

function cleanName(name: string): string {
  return name.replace(/\s+/g, '').replace(SCOPE_PREFIX, '');
}

function targetDateOf(sentence: string, before: number, year: number | null): string | undefined {
  const dated = extractDeadlines(sentence.slice(0, before), year).filter(
    (d) => d.date !== null && (d.kind === 'once' || d.kind === 'from'),
  );
  return dated.length > 0 ? (dated[dated.length - 1].date ?? undefined) : undefined;
}

/** Indicators in one sentence (split on 。；). */
function indicatorsOfSentence(sentence: string, line: number, year: number | null): Indicator[] {
  const found: Indicator[] = [];
  for (const match of sentence.matchAll(INDICATOR)) {
    const groups = match.groups ?? {};
    const verb = groups.verb ?? '';
    const base = cleanName(groups.name ?? '');
    if (!MEASURE.test(base)) {
      continue;
    }
    const name = CHANGE_VERB.test(verb) ? `${base}${verb}` : base;
    const targetDate = targetDateOf(sentence, match.index + (groups.name ?? '').length, year);
    found.push({
      name,
      comparator: comparatorOf(verb, groups.modifier),
      target: Number(groups.number),
      unit: groups.unit ?? '',
      approximate: groups.modifier === '左右',
      ...(targetDate === undefined ? {} : { targetDate }),
      raw: match[0].replace(/^[、，\s]+/, '').trim(),
      line,
    });
  }
  for (const match of sentence.matchAll(ZERO_GROWTH)) {
    const name = cleanName(match.groups?.name ?? '');
    if (!MEASURE.test(name)) {
      continue;
    }
    const targetDate = targetDateOf(sentence, match.index + (match.groups?.name ?? '').length, year);
    found.push({
      name: `${name}增长`,
      comparator: '<=',
      target: 0,
      unit: '%',
      approximate: false,
      ...(targetDate === undefined ? {} : { targetDate }),
      raw: match[0].replace(/^[、，\s]+/, '').trim(),
      line,
    });
  }
  return found;
}

export interface TextPiece {
  text: string;
  line: number;
}

/**
 * Indicators in the document's sentences, in reading order, each once (same name, target and date). A piece may
 * hold several sentences; they are split on 。.
 */
export function extractIndicators(pieces: TextPiece[], year: number | null): Indicator[] {
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (const piece of pieces) {
    for (const sentence of piece.text.split(/[。\n]/)) {
      if (!/\d/.test(sentence) && !sentence.includes('零增长')) {
        continue;
      }
      for (const indicator of indicatorsOfSentence(sentence, piece.line, year)) {
        const key = `${indicator.name}|${indicator.comparator}|${indicator.target}|${indicator.targetDate ?? ''}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(indicator);
        }
      }
    }
  }
  return out;
}
