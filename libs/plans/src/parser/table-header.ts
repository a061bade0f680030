/** Columns of a task breakdown table (任务分工表), found by their names. */

export type ColumnKind = 'seq' | 'chapter' | 'clause' | 'text' | 'lead' | 'participants' | 'progress' | 'other';

const SYNONYMS: { kind: Exclude<ColumnKind, 'other'>; re: RegExp }[] = [
  { kind: 'seq', re: /^(序号|编号|序)$/ },
  { kind: 'chapter', re: /^(条|章|部分|领域|重点领域|类别|任务类别|工作类别|重点内容|方面)$/ },
  { kind: 'clause', re: /^(款|节|项|条款|分项)$/ },
  { kind: 'lead', re: /(牵头单位|牵头部门|牵头|责任单位|责任部门|主责单位|主办单位|负责单位|负责部门|责任主体)/ },
  { kind: 'participants', re: /(参与部门|参与单位|协办单位|协办部门|配合单位|配合部门|协作单位|参与|配合|协办)/ },
  {
    kind: 'progress',
    re: /(实施进度|完成时限|时间要求|完成时间|时限要求|进度安排|时间节点|完成期限|时间安排|时限|期限|进度|时间)/,
  },
  {
    kind: 'text',
    re: /(任务措施|工作任务|重点任务|主要任务|具体任务|任务内容|工作内容|工作措施|具体措施|主要措施|工作事项|任务|措施|事项|内容)/,
  },
];

/** Header cells are short labels. */
const MAX_HEADER_CELL = 12;

export interface TableHeader {
  /** Column kind of each cell position. */
  columns: ColumnKind[];
}

export function columnKind(cell: string): ColumnKind {
  const name = cell.replace(/\s+/g, '');
  if (name === '' || name.length > MAX_HEADER_CELL) {
    return 'other';
  }
  return SYNONYMS.find(({ re }) => re.test(name))?.kind ?? 'other';
}

/** Names to show in a MISSING_COLUMNS message. */
export const REQUIRED_COLUMNS: Record<'text' | 'lead', string> = { text: '任务措施', lead: '牵头单位' };

export interface HeaderCandidate {
  header: TableHeader;
  missing: ('text' | 'lead')[];
  known: number;
}

/** Read a row as a header: which columns it names, and which required ones it lacks. */
export function readHeader(cells: string[]): HeaderCandidate {
  const columns = cells.map(columnKind);
  const known = columns.filter((kind) => kind !== 'other').length;
  const missing = (['text', 'lead'] as const).filter((kind) => !columns.includes(kind));
  return { header: { columns }, missing, known };
}

/** A usable task table header names the task text and the lead column. */
export function isTaskHeader(candidate: HeaderCandidate): boolean {
  return candidate.missing.length === 0 && candidate.known >= 2;
}
