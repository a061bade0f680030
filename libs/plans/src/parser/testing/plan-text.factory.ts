/**
 * Builders of plan documents for specs and benchmarks: the prose form (numbered sections with responsibility
 * clauses) and the flattened table form, with the noise PDF extraction adds (wrapped lines, page numbers,
 * half-width brackets).
 */

export type ClauseStyle = 'lead-participants' | 'labels' | 'respectively' | 'responsible';

export interface ClauseSpec {
  lead: string[];
  participants?: string[];
  style?: ClauseStyle;
}

/** Write a responsibility clause the way plans of the family do. */
export function clauseText({ lead, participants = [], style = 'lead-participants' }: ClauseSpec): string {
  switch (style) {
    case 'labels':
      return `（牵头单位：${lead.join('、')}${participants.length > 0 ? `，协办单位：${participants.join('、')}等` : ''}）`;
    case 'respectively':
      return `（${lead.join('、')}分别牵头${participants.length > 0 ? `，${participants.join('、')}参与` : ''}）`;
    case 'responsible':
      return `（${lead.join('、')}负责）`;
    case 'lead-participants':
      return `（${lead.join('、')}牵头${participants.length > 0 ? `，${participants.join('、')}等参与` : ''}）`;
  }
}

export interface ParagraphSpec {
  text: string;
  clause?: ClauseSpec;
}

export interface SectionSpec {
  title: string;
  paragraphs: ParagraphSpec[];
  items?: { title: string; paragraphs: ParagraphSpec[] }[];
}

export interface ChapterSpec {
  title: string;
  sections: SectionSpec[];
}

export interface ProsePlanSpec {
  title?: string;
  dateLine?: string;
  chapters: ChapterSpec[];
}

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese numeral for 1…999 (`十一`, `二十三`, `一百零五`). */
export function chineseNumber(n: number): string {
  if (n >= 100) {
    const rest = n % 100;
    const head = `${CHINESE[Math.floor(n / 100)]}百`;
    return rest === 0
      ? head
      : rest < 10
        ? `${head}零${CHINESE[rest]}`
        : `${head}${rest < 20 ? '一' : ''}${chineseNumber(rest)}`;
  }
  if (n <= 10) {
    return CHINESE[n];
  }
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE[tens]}十${CHINESE[ones]}`;
}

const paragraph = (p: ParagraphSpec): string => `${p.text}${p.clause ? clauseText(p.clause) : ''}`;

/** The prose form: `一、` chapters, `（一）` sections numbered through the document, `1．` items. */
export function prosePlanText(spec: ProsePlanSpec): string {
  const lines: string[] = [];
  if (spec.title !== undefined) {
    lines.push(spec.title, '');
  }
  if (spec.dateLine !== undefined) {
    lines.push(spec.dateLine, '');
  }
  let section = 0;
  spec.chapters.forEach((chapter, c) => {
    lines.push(`${chineseNumber(c + 1)}、${chapter.title}`, '');
    for (const s of chapter.sections) {
      section++;
      lines.push(`（${chineseNumber(section)}）${s.title}`, '');
      lines.push(...s.paragraphs.map(paragraph));
      (s.items ?? []).forEach((item, i) => {
        lines.push(`${i + 1}．${item.title}。${item.paragraphs.map(paragraph).join('')}`);
      });
      lines.push('');
    }
  });
  return lines.join('\n');
}

export interface NoiseOptions {
  /** Wrap every line at this many characters, as a PDF page does. */
  width?: number;
  /** Put a page-number line (`— n —`) after every this many lines. */
  pageEvery?: number;
  /** Page-number style. */
  pageStyle?: 'em-dash' | 'hyphen' | 'bare';
  /** Leave a blank line after every wrapped line (as some extractions do). */
  blankBetween?: boolean;
  /** Write brackets and commas half-width. */
  halfWidth?: boolean;
}

/** Add extraction noise to a clean text. */
export function withExtractionNoise(text: string, options: NoiseOptions): string {
  const out: string[] = [];
  let page = 1;
  let count = 0;
  const pageLine = (): string =>
    options.pageStyle === 'hyphen' ? `- ${page} -` : options.pageStyle === 'bare' ? `${page}` : `— ${page} —`;
  for (const line of text.split('\n')) {
    const width = options.width ?? Infinity;
    const pieces = line.length <= width ? [line] : (line.match(new RegExp(`[^]{1,${width}}`, 'g')) ?? [line]);
    for (const piece of pieces) {
      out.push(piece);
      if (options.blankBetween) {
        out.push('');
      }
      count++;
      if (options.pageEvery !== undefined && count % options.pageEvery === 0) {
        out.push('', pageLine(), '');
        page++;
      }
    }
  }
  const joined = out.join('\n');
  return options.halfWidth ? joined.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',') : joined;
}

export interface TableRowSpec {
  chapter?: string;
  clause?: string;
  text: string;
  lead?: string;
  participants?: string;
  progress?: string;
}

export interface TablePlanSpec {
  header?: string[];
  rows: TableRowSpec[];
  /** Text before the table (title, prose). */
  before?: string;
}

export const DEFAULT_TABLE_HEADER = ['序号', '条', '款', '任务措施', '牵头部门', '参与部门', '实施进度'];

/** The flattened table form: one tab-separated line per row, blank cells where a merged cell continues. */
export function tablePlanText(spec: TablePlanSpec): string {
  const header = spec.header ?? DEFAULT_TABLE_HEADER;
  const lines = spec.rows.map((row, i) =>
    [
      String(i + 1),
      row.chapter ?? '',
      row.clause ?? '',
      row.text,
      row.lead ?? '',
      row.participants ?? '',
      row.progress ?? '',
    ].join('\t'),
  );
  return [spec.before ?? '', '附表 任务分工', header.join('\t'), ...lines].join('\n');
}

const UNITS = [
  '市生态环境局',
  '市农业农村局',
  '市自然资源局',
  '市住房城乡建设局',
  '市财政局',
  '市水务局',
  '市林业局',
  '市发展改革委',
];
const DEADLINES = ['2018年底前', '6月底前', '每年', '2019年起', '持续实施', '每3年开展1轮', '到2020年', '上半年'];

/**
 * A synthetic prose plan with `tasks` tasks (chapters of 20 sections of up to 50 items, each item one task with a
 * deadline phrase and a clause), wrapped at 30 characters with page numbers, for throughput measurements.
 */
export function syntheticProsePlan(tasks: number, options: NoiseOptions = { width: 30, pageEvery: 25 }): string {
  const chapters: ChapterSpec[] = [];
  const itemsPerSection = 50;
  const sectionsPerChapter = 20;
  let made = 0;
  while (made < tasks) {
    const sections: SectionSpec[] = [];
    for (let s = 0; s < sectionsPerChapter && made < tasks; s++) {
      const items: { title: string; paragraphs: ParagraphSpec[] }[] = [];
      for (let i = 0; i < itemsPerSection && made < tasks; i++, made++) {
        items.push({
          title: `开展第${made + 1}项重点工作`,
          paragraphs: [
            {
              text: `${DEADLINES[made % DEADLINES.length]}，完成土壤污染状况调查，建立健全工作机制并报送进展情况。`,
              clause: {
                lead: [UNITS[made % UNITS.length]],
                participants: [UNITS[(made + 1) % UNITS.length], UNITS[(made + 3) % UNITS.length]],
              },
            },
          ],
        });
      }
      sections.push({ title: `推进第${chapters.length + 1}部分第${s + 1}节工作`, paragraphs: [], items });
    }
    chapters.push({ title: `第${chapters.length + 1}部分重点任务`, sections });
  }
  return withExtractionNoise(
    prosePlanText({ title: '某市土壤污染防治行动计划实施方案', dateLine: '2019年5月', chapters }),
    options,
  );
}
