/**
 * Section numbering of Chinese official documents, outermost first: `一、` `（一）` `1.`/`1、` `（1）`. A document may
 * skip a level; ranks only order the styles.
 */

export type NumberingStyle = 'chapter' | 'section' | 'item' | 'subitem';

export interface Heading {
  style: NumberingStyle;
  /** The numeral as written (`三`, `十二`, `3`). */
  numeral: string;
  /** Its value, for checking that numbering runs on. */
  value: number;
  /** The ref segment: `三`, `(十二)`, `3`, `(3)`. */
  segment: string;
  /** The rest of the line after the numbering. */
  rest: string;
}

const RANK: Record<NumberingStyle, number> = { chapter: 0, section: 1, item: 2, subitem: 3 };

const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇]+';

const PATTERNS: { style: NumberingStyle; re: RegExp }[] = [
  { style: 'chapter', re: new RegExp(`^(${CHINESE_NUMERAL})[、.．](?!\\d)\\s*(.*)$`) },
  { style: 'section', re: new RegExp(`^[（(](${CHINESE_NUMERAL})[）)]\\s*(.*)$`) },
  { style: 'item', re: /^(\d{1,2})[、.．](?!\d)\s*(.*)$/ },
  { style: 'subitem', re: /^[（(](\d{1,2})[）)]\s*(.*)$/ },
];

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral up to 999 (`十二` → 12, `二十` → 20, `一百零一` → 101). */
export function chineseNumeralValue(numeral: string): number {
  let total = 0;
  let digit = 0;
  for (const c of numeral) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else {
      digit = DIGIT[c] ?? 0;
    }
  }
  return total + digit;
}

/** Read the numbering at the start of a (trimmed, canonical) line, or null. */
export function readHeading(line: string): Heading | null {
  for (const { style, re } of PATTERNS) {
    const match = re.exec(line);
    if (match) {
      const numeral = match[1];
      const chinese = style === 'chapter' || style === 'section';
      const value = chinese ? chineseNumeralValue(numeral) : Number(numeral);
      if (value === 0 || (style === 'item' && match[2] === '')) {
        return null;
      }
      const segment = style === 'section' || style === 'subitem' ? `(${numeral})` : numeral;
      return { style, numeral, value, segment, rest: match[2].trim() };
    }
  }
  return null;
}

/**
 * The open headings while reading a document. A heading is accepted only where its numbering runs on (a restart
 * at 1, or one or two more than the last of its style), so a wrapped line that happens to start with `7.` stays
 * text. The first Arabic-numbered heading must be 1 or 2 for the same reason.
 */
export class SectionStack {
  private readonly open: Heading[] = [];
  private readonly last = new Map<NumberingStyle, number>();

  accepts(heading: Heading): boolean {
    const previous = this.last.get(heading.style);
    if (heading.value === 1 || previous === undefined) {
      return heading.value <= 2 || heading.style === 'chapter' || heading.style === 'section';
    }
    return heading.value > previous && heading.value <= previous + 2;
  }

  push(heading: Heading): void {
    while (this.open.length > 0 && RANK[this.open[this.open.length - 1].style] >= RANK[heading.style]) {
      this.open.pop();
    }
    this.open.push(heading);
    // Numbering may restart under each parent (1, 2… again) or run on through the document (（六） after 二、).
    this.last.set(heading.style, heading.value);
  }

  ref(): string {
    return this.open.map((h) => h.segment).join('/');
  }

  depth(): number {
    return this.open.length;
  }
}
