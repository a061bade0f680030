import { extractIndicators } from './indicators';
import { readPlanDocument, checkText, type SheetGrid } from './file-reader';
import { inferPlanYear, inferTitle } from './plan-meta';
import { PlanParseError } from './plan-parse-error';
import { parseProse, proseSentences } from './prose-parser';
import { isTaskHeader, readHeader, REQUIRED_COLUMNS } from './table-header';
import { parseTableRows } from './table-parser';
import { findTextTables, type HeaderProblem, type RawTable } from './table-text';
import { toSourceLines, type SourceLine } from './text-normalizer';
import type { ParsedPlan, ParsedTask, ParsePlanInput, ParsePlanOptions, UnresolvedItem } from './types';

/**
 * Plan document → tasks, indicators and what could not be settled. `source: 'auto'` takes the task table when the
 * document has one, else the prose.
 */

function missingColumns(problem: HeaderProblem | null, place: (line: number) => [string, string]): PlanParseError {
  if (problem === null) {
    return new PlanParseError(
      'MISSING_COLUMNS',
      `未找到任务分工表：需要“${REQUIRED_COLUMNS.text}”和“${REQUIRED_COLUMNS.lead}”列。` +
        `No task table found: it needs the columns ${REQUIRED_COLUMNS.text} (task) and ${REQUIRED_COLUMNS.lead} (lead).`,
    );
  }
  const names = problem.missing.map((kind) => REQUIRED_COLUMNS[kind]);
  const [zh, en] = place(problem.line);
  return new PlanParseError(
    'MISSING_COLUMNS',
    `${zh}的表头缺少列：${names.map((n) => `“${n}”`).join('、')}。The header at ${en} lacks the column(s) ${names.join(', ')}.`,
    problem.line,
  );
}

function noTasks(): PlanParseError {
  return new PlanParseError(
    'NO_TASKS',
    '未找到任何任务：没有“（X牵头，Y参与）”式的责任分工，也没有任务分工表。' +
      'No tasks found: no responsibility clause such as （X牵头，Y参与） and no task table.',
  );
}

function noYear(): UnresolvedItem {
  return {
    reason: 'NO_PLAN_YEAR',
    line: 1,
    text: '',
    message:
      '未能从标题或落款日期识别计划年度，只写月份的期限没有日期；请指定年度。' +
      'The plan year is neither given nor found in the title or date line; month-only deadlines have no date.',
  };
}

function parseTables(tables: RawTable[], year: number | null): { tasks: ParsedTask[]; unresolved: UnresolvedItem[] } {
  const tasks: ParsedTask[] = [];
  const unresolved: UnresolvedItem[] = [];
  let localNote = false;
  for (const table of tables) {
    const result = parseTableRows(table, year, localNote);
    tasks.push(...result.tasks);
    unresolved.push(...result.unresolved);
    localNote = result.localNote;
  }
  return { tasks, unresolved };
}

function finish(
  title: string | undefined,
  year: number | null,
  source: 'prose' | 'table',
  parsed: { tasks: ParsedTask[]; unresolved: UnresolvedItem[] },
  indicators: ParsedPlan['indicators'],
): ParsedPlan {
  if (parsed.tasks.length === 0) {
    throw noTasks();
  }
  const unresolved = year === null ? [noYear(), ...parsed.unresolved] : parsed.unresolved;
  return { ...(title === undefined ? {} : { title }), year, source, tasks: parsed.tasks, indicators, unresolved };
}

/** Parse plan text (already decoded). Throws PlanParseError for input that holds no plan. */
export function parsePlanText(text: string, options: ParsePlanOptions = {}): ParsedPlan {
  const lines = toSourceLines(checkText(text), { dropBareNumbers: true });
  const title = inferTitle(lines);
  const year = options.year ?? inferPlanYear(lines, title);
  const source = options.source ?? 'auto';
  const indicators = extractIndicators(proseSentences(lines), year);
  if (source !== 'prose') {
    const { tables, nearMiss } = findTextTables(lines);
    if (tables.length > 0) {
      return finish(title, year, 'table', parseTables(tables, year), indicators);
    }
    if (source === 'table') {
      throw missingColumns(nearMiss, (line) => [`第${line}行`, `line ${line}`]);
    }
  }
  return finish(title, year, 'prose', parseProse(lines, year), indicators);
}

/** Find the task table of each sheet by its header row. */
function sheetTables(sheets: SheetGrid[]): {
  tables: RawTable[];
  nearMiss: (HeaderProblem & { sheet: string }) | null;
  before: SourceLine[];
} {
  const tables: RawTable[] = [];
  const before: SourceLine[] = [];
  let nearMiss: (HeaderProblem & { sheet: string }) | null = null;
  let nearMissKnown = 1;
  for (const sheet of sheets) {
    const headerIndex = sheet.rows.findIndex((cells) => isTaskHeader(readHeader(cells)));
    if (headerIndex < 0) {
      sheet.rows.forEach((cells, i) => {
        const candidate = readHeader(cells);
        if (candidate.known > nearMissKnown) {
          nearMiss = { line: i + 1, missing: candidate.missing, sheet: sheet.name };
          nearMissKnown = candidate.known;
        }
      });
      continue;
    }
    const header = readHeader(sheet.rows[headerIndex]).header;
    sheet.rows
      .slice(0, headerIndex)
      .forEach((cells, i) => before.push({ text: cells.filter(Boolean).join(' '), line: i + 1 }));
    const rows = sheet.rows
      .map((cells, i) => ({ cells, line: i + 1 }))
      .slice(headerIndex + 1)
      .filter(({ cells }) => cells.some((cell) => cell !== '') && !isTaskHeader(readHeader(cells)));
    const end = rows.findIndex(({ cells }) =>
      /^(备注|注[：:]|说明[：:])/.test(cells.find((cell) => cell !== '') ?? ''),
    );
    const hasSeq = header.columns[0] === 'seq';
    tables.push({
      header,
      headerLine: headerIndex + 1,
      rows: (end >= 0 ? rows.slice(0, end) : rows).map(({ cells, line }) => ({
        cells,
        line,
        seq: hasSeq && /^\d{1,4}$/.test(cells[0] ?? '') ? Number(cells[0]) : null,
      })),
    });
  }
  return { tables, nearMiss, before };
}

/** Parse a 分工表 workbook: every sheet with a task header contributes its rows. */
export function parsePlanSheets(sheets: SheetGrid[], options: ParsePlanOptions = {}, filename?: string): ParsedPlan {
  const { tables, nearMiss, before } = sheetTables(sheets);
  if (tables.length === 0) {
    const found: (HeaderProblem & { sheet: string }) | null = nearMiss;
    throw missingColumns(found, (line) => [
      `工作表“${found?.sheet ?? ''}”第${line}行`,
      `sheet "${found?.sheet ?? ''}" row ${line}`,
    ]);
  }
  const title = inferTitle(before) ?? filename?.replace(/\.[^.]+$/, '');
  const year = options.year ?? inferPlanYear(before, title);
  const parsed = parseTables(tables, year);
  const indicators = extractIndicators(
    parsed.tasks.map((task) => ({ text: task.text, line: task.line })),
    year,
  );
  return finish(title, year, 'table', parsed, indicators);
}

/** Parse a plan from text or an uploaded file (`.txt`, `.docx`, `.xlsx`). */
export async function parsePlan(input: ParsePlanInput, options: ParsePlanOptions = {}): Promise<ParsedPlan> {
  const document = await readPlanDocument(input);
  return document.kind === 'text'
    ? parsePlanText(document.text, options)
    : parsePlanSheets(document.sheets, options, input.filename);
}
