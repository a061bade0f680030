import { parseAssignment, type Assignment } from './clauses';
import { extractDeadlines, NO_DEADLINE, normalizeDeadline } from './deadline';
import { readHeading } from './sections';
import type { ColumnKind } from './table-header';
import type { RawRow, RawTable } from './table-text';
import { canonicalizeText, joinBroken } from './text-normalizer';
import type { Deadline, ParsedTask, UnresolvedItem } from './types';
import { isUnitList, looksLikeUnit, splitUnitList } from './units';

/**
 * Rows of a task breakdown table → tasks. Cells are realigned to their columns by content, because flattened tables
 * lose empty cells or gain extra ones; blank cells are filled down the way merged cells read:
 * - 条/款 blank: same as above; a 条/款 cell without its numbering is the rest of the cell above (a page break).
 * - 牵头 blank: same as above, and so is 参与 when it is blank too.
 * - 牵头 filled, 参与 blank: no participants (`X负责`).
 * - a unit cell cut by a page break (`…住房和` + `城乡建设局…`) is joined, and both rows get the whole list.
 * - `以下均需…落实，不再列出` in any cell applies to that row and every later one.
 * Deadlines come only from the 实施进度 column.
 */

export interface TableResult {
  tasks: ParsedTask[];
  unresolved: UnresolvedItem[];
  /** Has a `以下均需…落实` note been seen (it carries on into a later table)? */
  localNote: boolean;
}

type Kinded = Partial<Record<ColumnKind, string>>;

const NUMBERED_CHAPTER = /^[一二三四五六七八九十百]+[、.]/;
const NUMBERED_CLAUSE = /^（[一二三四五六七八九十百]+）/;

function looksLikeDeadlineCell(cell: string): boolean {
  const deadline = normalizeDeadline(cell, 2000);
  return deadline !== null && deadline.raw.replace(/\s+/g, '').length >= cell.replace(/\s+/g, '').length - 2;
}

/** What a cell looks like, computed once per cell. */
interface CellFeatures {
  length: number;
  chapter: boolean;
  clause: boolean;
  unitList: boolean;
  roleWords: boolean;
  deadline: boolean;
  sentence: boolean;
}

function featuresOf(cell: string): CellFeatures {
  return {
    length: cell.length,
    chapter: NUMBERED_CHAPTER.test(cell),
    clause: NUMBERED_CLAUSE.test(cell),
    unitList: isUnitList(cell),
    roleWords: /(牵头|参与|负责|配合|协办)/.test(cell),
    deadline: looksLikeDeadlineCell(cell),
    sentence: cell.endsWith('。'),
  };
}

/** How well a cell's content fits a column kind. */
function fit(cell: string, f: CellFeatures, kind: ColumnKind): number {
  const units = f.unitList || f.roleWords;
  switch (kind) {
    case 'seq':
      return /^\d{1,4}$/.test(cell) ? 4 : -10;
    case 'chapter':
      return f.chapter ? 4 : units || f.length > 20 ? -2 : 0.5;
    case 'clause':
      return f.clause ? 4 : units || f.length > 20 ? -2 : 0.5;
    case 'text':
      if (f.chapter || f.clause) {
        return -2;
      }
      if (f.unitList) {
        return 0;
      }
      return f.deadline ? -1 : f.length >= 10 || f.sentence ? 3 : 1;
    case 'lead':
    case 'participants':
      return units ? 3 : -3;
    case 'progress':
      return f.deadline ? 4 : -3;
    case 'other':
      return 0;
  }
}

/** A cell dropped from the row costs more than any poor fit, so cells are dropped only when they cannot fit. */
const DROP = -12;

/**
 * Assign the row's non-empty cells to columns in order (dynamic programming), scoring content fit plus agreement
 * with the cell's position counted from the left and from the right.
 */
export function alignRow(cells: string[], columns: ColumnKind[]): Kinded {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') {
    n--;
  }
  const filled = cells
    .slice(0, n)
    .flatMap((cell, position) => (cell === '' ? [] : [{ cell, position, features: featuresOf(cell) }]));
  const m = columns.length;
  const score = (k: number, c: number): number => {
    const { cell, position, features } = filled[k];
    const fromLeft = position === c ? 1 : 0;
    const fromRight = n - 1 - position === m - 1 - c ? 1 : 0;
    return fit(cell, features, columns[c]) + fromLeft + fromRight;
  };
  // best[k][c]: best score placing the first k cells into the first c columns.
  const best: number[][] = Array.from({ length: filled.length + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const choice: ('skip' | 'drop' | 'take')[][] = Array.from({ length: filled.length + 1 }, () =>
    new Array<'skip' | 'drop' | 'take'>(m + 1).fill('skip'),
  );
  best[0].fill(0);
  for (let k = 1; k <= filled.length; k++) {
    best[k][0] = best[k - 1][0] + DROP;
    choice[k][0] = 'drop';
    for (let c = 1; c <= m; c++) {
      const options: [number, 'skip' | 'drop' | 'take'][] = [
        [best[k][c - 1], 'skip'],
        [best[k - 1][c] + DROP, 'drop'],
        [best[k - 1][c - 1] + score(k - 1, c - 1), 'take'],
      ];
      const [value, move] = options.reduce((a, b) => (b[0] > a[0] ? b : a));
      best[k][c] = value;
      choice[k][c] = move;
    }
  }
  const out: Kinded = {};
  for (let k = filled.length, c = m; k > 0;) {
    const move = choice[k][c];
    if (move === 'take') {
      const kind = columns[c - 1];
      out[kind] = out[kind] === undefined ? filled[k - 1].cell : joinBroken(filled[k - 1].cell, out[kind]);
      k--;
      c--;
    } else if (move === 'drop') {
      k--;
    } else {
      c--;
    }
  }
  return out;
}

/** Does a page break cut the last unit of the list short (`…、住房和`)? */
function endsCut(list: string): boolean {
  const body = list.replace(/以下均[^。]*/, '').trim();
  if (body === '' || /([。）]|参与|负责|牵头|落实|配合|协办|等)$/.test(body)) {
    return false;
  }
  const names = splitUnitList(body);
  return names.length > 0 && !looksLikeUnit(names[names.length - 1]);
}

interface Carried {
  chapter: string;
  clause: string;
  lead: string;
  participants: string;
  assignment: Assignment;
  task: ParsedTask | null;
}

function refOf(chapter: string, clause: string, seq: number | null, row: number): string {
  const parts = [chapter, clause]
    .map((cell) => readHeading(cell.replace(/\s+/g, '')))
    .flatMap((heading) => (heading === null ? [] : [heading.segment]));
  return parts.length > 0 ? parts.join('/') : String(seq ?? row);
}

function titleOf(clause: string, chapter: string, text: string): string {
  const heading = readHeading(clause.replace(/\s+/g, '')) ?? readHeading(chapter.replace(/\s+/g, ''));
  if (heading !== null && heading.rest !== '') {
    return heading.rest;
  }
  const stop = text.search(/[。；]/);
  return (stop > 0 ? text.slice(0, stop) : text).slice(0, 40);
}

const assignments = new Map<string, Assignment>();
/** Rows repeat their neighbours' cells (fill-down), so assignments are cached; the cache is small and bounded. */
const MAX_CACHED_ASSIGNMENTS = 1000;

function assignmentOf(lead: string, participants: string): Assignment {
  const key = `${lead}\u0000${participants}`;
  const cached = assignments.get(key);
  if (cached !== undefined) {
    return cached;
  }
  if (assignments.size >= MAX_CACHED_ASSIGNMENTS) {
    assignments.clear();
  }
  const assignment = readAssignment(lead, participants);
  assignments.set(key, assignment);
  return assignment;
}

function readAssignment(lead: string, participants: string): Assignment {
  const a = parseAssignment(lead, 'lead');
  const b = parseAssignment(participants, 'participant');
  return {
    lead: [...new Set([...a.lead, ...b.lead])],
    participants: [...new Set([...a.participants, ...b.participants])],
    deadlineText: '',
    local: a.local || b.local,
    localNote: a.localNote || b.localNote,
  };
}

function deadlinesOf(cell: string, year: number | null): Deadline[] | null {
  if (cell.trim() === '') {
    return [{ ...NO_DEADLINE }];
  }
  const found = extractDeadlines(cell, year);
  if (found[0].raw !== '') {
    return found;
  }
  const single = normalizeDeadline(cell, year);
  return single === null ? null : [single];
}

/** Parse the rows of one table. `year` dates month-only deadlines. */
export function parseTableRows(table: RawTable, year: number | null, localFromStart = false): TableResult {
  const tasks: ParsedTask[] = [];
  const unresolved: UnresolvedItem[] = [];
  let localNote = localFromStart;
  const empty: Assignment = { lead: [], participants: [], deadlineText: '', local: false, localNote: false };
  let carried: Carried = { chapter: '', clause: '', lead: '', participants: '', assignment: empty, task: null };

  table.rows.forEach((raw: RawRow, index) => {
    const cells = raw.cells.map((cell) => canonicalizeText(cell).replace(/\n/g, ''));
    const row = alignRow(cells, table.header.columns);
    const text = (row.text ?? '').trim();

    // 条/款: fill down; a cell without numbering is the end of the cell above, cut by a page break.
    let chapter = row.chapter ?? '';
    if (chapter !== '' && !NUMBERED_CHAPTER.test(chapter) && carried.chapter !== '') {
      carried.chapter = joinBroken(carried.chapter, chapter);
      chapter = '';
    }
    let clause = row.clause ?? '';
    if (clause !== '' && !NUMBERED_CLAUSE.test(clause) && carried.clause !== '') {
      carried.clause = joinBroken(carried.clause, clause);
      clause = '';
    }
    chapter = chapter || carried.chapter;
    clause = clause || carried.clause;

    // 牵头/参与: join a list cut by a page break into the row above, then fill down.
    let lead = row.lead ?? '';
    let participants = row.participants ?? '';
    const previous = carried.task;
    let joined = false;
    if (previous !== null && lead !== '' && carried.lead !== '' && endsCut(carried.lead)) {
      carried.lead = joinBroken(carried.lead, lead);
      lead = '';
      joined = true;
    }
    if (previous !== null && participants !== '' && carried.participants !== '' && endsCut(carried.participants)) {
      carried.participants = joinBroken(carried.participants, participants);
      participants = '';
      joined = true;
    }
    if (previous !== null && joined) {
      const whole = assignmentOf(carried.lead, carried.participants);
      previous.lead = [...whole.lead];
      previous.participants = [...whole.participants];
      carried.assignment = whole;
    }
    const leadBlank = lead === '';
    const ownLead = leadBlank ? carried.lead : lead;
    const ownParticipants = participants !== '' ? participants : leadBlank ? carried.participants : '';
    const assignment = assignmentOf(ownLead, ownParticipants);
    localNote = localNote || assignment.localNote || /以下均[需由要应][^。]*落实/.test(text);

    const deadlines = deadlinesOf(row.progress ?? '', year);
    const task: ParsedTask = {
      ref: refOf(chapter, clause, raw.seq, index + 1),
      title: titleOf(clause, chapter, text),
      text,
      lead: [...assignment.lead],
      participants: [...assignment.participants],
      deadlines: deadlines ?? [{ ...NO_DEADLINE }],
      localResponsibility: assignment.local || localNote,
      line: raw.line,
      ...(raw.seq === null ? {} : { row: raw.seq }),
    };
    tasks.push(task);
    if (deadlines === null) {
      unresolved.push({
        reason: 'UNPARSED_DEADLINE',
        line: raw.line,
        text: row.progress ?? '',
        message: `第${raw.line}行：无法识别实施进度“${row.progress ?? ''}”。Line ${raw.line}: cannot read the deadline "${row.progress ?? ''}".`,
      });
    }
    if (text === '') {
      unresolved.push({
        reason: 'ORPHAN_ROW',
        line: raw.line,
        text: cells.join('\t'),
        message: `第${raw.line}行：该行没有任务内容。Line ${raw.line}: the row has no task text.`,
      });
    }
    carried = { chapter, clause, lead: ownLead, participants: ownParticipants, assignment, task };
  });

  for (const task of tasks) {
    if (task.lead.length === 0) {
      unresolved.push({
        reason: 'NO_LEAD',
        line: task.line,
        text: task.text,
        message: `第${task.line}行：任务没有牵头单位。Line ${task.line}: the task has no lead unit.`,
      });
    }
  }
  return { tasks, unresolved, localNote };
}
