/**
 * Width and punctuation normalisation for plan text. Every step maps one character to one character (apart from
 * CR LF → LF and dropping zero-width marks), so line numbers of the canonical text are those of the input.
 */

/** One source line after cleaning; `text` is '' for noise such as page numbers. */
export interface SourceLine {
  text: string;
  /** 1-based line number in the input. */
  line: number;
}

const SINGLES: Record<string, string> = {
  '．': '.',
  '％': '%',
  '＋': '+',
  '－': '-',
  '／': '/',
  '＜': '<',
  '＝': '=',
  '＞': '>',
  '～': '~',
  '\u3000': ' ',
  '\u00a0': ' ',
  '(': '（',
  ')': '）',
  ';': '；',
  ',': '，',
  ':': '：',
};

/** Everything canonicalisation changes, in one pass; `,` and `:` between digits (`1,000`, `10:30`) stay. */
const TO_CANONICAL =
  /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a．％＋－／＜＝＞～\u3000\u00a0();]|(?<!\d)[,:]|[,:](?!\d)/g;

function canonicalChar(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0xff10 ? String.fromCharCode(code - 0xfee0) : SINGLES[c];
}

/**
 * Canonical form used by every parser step: ASCII digits and letters, `％．` → `%.`, Chinese parentheses, commas,
 * semicolons and colons (except inside numbers such as `1,000` and `10:30`), LF line ends.
 */
export function canonicalizeText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(TO_CANONICAL, canonicalChar);
}

const PAGE_NUMBER = [
  /^[—–\-−~_]+\s*\d{1,4}\s*[—–\-−~_]+$/,
  /^第\s*\d{1,4}\s*页(\s*[，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
];
const BARE_NUMBER = /^\d{1,3}$/;
const TABLE_OF_CONTENTS = /(\.{4,}|…{2,}|·{4,})\s*\d{1,4}$/;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const HTML_TAG = /<\/?(?:b|strong|i|em|u|sup|sub|span|p|br|font)\b[^>]*>/gi;

export interface CleanOptions {
  /** Also drop lines holding only a small number (page numbers in prose; row numbers in a table must stay). */
  dropBareNumbers?: boolean;
}

/** Is the line an extraction artefact: a page number or a table-of-contents entry? */
export function isNoiseLine(trimmed: string, options: CleanOptions = {}): boolean {
  if (PAGE_NUMBER.some((re) => re.test(trimmed))) {
    return true;
  }
  if (options.dropBareNumbers && BARE_NUMBER.test(trimmed)) {
    return true;
  }
  return TABLE_OF_CONTENTS.test(trimmed);
}

/** Strip conversion markup (`### `, `**`, `<b>`) and blank out noise lines; keeps tabs, which separate cells. */
export function cleanLine(raw: string, options: CleanOptions = {}): string {
  const text = raw.replace(HTML_TAG, '').replace(/\*\*/g, '').replace(MARKDOWN_HEADING, '');
  const trimmed = text.replace(/^[ \t]+|[ \t]+$/g, '');
  if (trimmed === '' || isNoiseLine(trimmed, options)) {
    return '';
  }
  return text.replace(/^ +| +$/g, '');
}

/** Canonicalise the text and split it into cleaned lines that keep their input line numbers. */
export function toSourceLines(input: string, options: CleanOptions = {}): SourceLine[] {
  return canonicalizeText(input)
    .split('\n')
    .map((raw, index) => ({ text: cleanLine(raw, options), line: index + 1 }));
}

const LATIN_LETTER = /[A-Za-z]/;

/**
 * Join two pieces of text broken by the extraction. Chinese (and a number split over two lines) needs no space;
 * two Latin words keep one.
 */
export function joinBroken(left: string, right: string): string {
  if (left === '' || right === '') {
    return left + right;
  }
  const a = left[left.length - 1];
  const b = right[0];
  return LATIN_LETTER.test(a) && LATIN_LETTER.test(b) ? `${left} ${right}` : left + right;
}

/** Remove every whitespace character (phrases like `2018 年 底 前` are written with stray spaces). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
