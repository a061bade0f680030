import { isTaskHeader, readHeader, type TableHeader } from './table-header';
import { joinBroken, type SourceLine } from './text-normalizer';

/**
 * Task tables flattened to tab-separated lines by a PDF or Word extraction. A row starts at a line whose first
 * cell is the next 序号; any other line continues the row above (the extraction broke it), and the header repeated
 * on each page is skipped.
 */

export interface RawRow {
  cells: string[];
  /** 1-based source line (or sheet row) where the row starts. */
  line: number;
  /** The 序号, when the table has one. */
  seq: number | null;
}

export interface RawTable {
  header: TableHeader;
  headerLine: number;
  rows: RawRow[];
}

export interface HeaderProblem {
  line: number;
  missing: ('text' | 'lead')[];
}

export interface TextTables {
  tables: RawTable[];
  /** The most header-like line that was not a usable task header, for a MISSING_COLUMNS message. */
  nearMiss: HeaderProblem | null;
}

const END_OF_TABLE = /^(附表|附件|附录|备注|注[：:]|说明[：:]|[一二三四五六七八九十]+、)/;
/** Row numbers may skip a little (a deleted row), but a number far ahead is text that wrapped. */
const MAX_SEQ_GAP = 3;

const splitCells = (text: string): string[] => text.split('\t').map((cell) => cell.trim());

const sameKinds = (a: TableHeader, b: TableHeader): boolean =>
  a.columns.filter((k) => k !== 'other').join() === b.columns.filter((k) => k !== 'other').join();

function startsRow(cells: string[], hasSeq: boolean, lastSeq: number | null): number | null | false {
  if (!hasSeq) {
    return cells.filter((cell) => cell !== '').length >= 2 ? null : false;
  }
  if (!/^\d{1,4}$/.test(cells[0])) {
    return false;
  }
  const seq = Number(cells[0]);
  const plausible = lastSeq === null ? seq <= MAX_SEQ_GAP + 1 : seq > lastSeq && seq <= lastSeq + MAX_SEQ_GAP;
  return plausible ? seq : false;
}

/** Join a continuation line to the row it belongs to. */
function continueRow(row: RawRow, cells: string[]): void {
  if (cells.length === row.cells.length && cells[0] === '') {
    // Column-wise wrap: each column's overflow sits under its column.
    row.cells = row.cells.map((cell, i) => joinBroken(cell, cells[i]));
    return;
  }
  // Stream wrap: the last cell of the row goes on in the first cell of the line.
  const last = row.cells.length - 1;
  row.cells[last] = joinBroken(row.cells[last], cells[0]);
  row.cells.push(...cells.slice(1));
}

/** Find every task table in the text (a document may split its breakdown over several 附表). */
export function findTextTables(lines: SourceLine[]): TextTables {
  const tables: RawTable[] = [];
  let nearMiss: HeaderProblem | null = null;
  let nearMissKnown = 1;
  let table: RawTable | null = null;
  let row: RawRow | null = null;
  let lastSeq: number | null = null;

  const close = (): void => {
    if (table !== null && table.rows.length > 0) {
      tables.push(table);
    }
    table = null;
    row = null;
    lastSeq = null;
  };

  for (const { text, line } of lines) {
    if (text.trim() === '') {
      continue;
    }
    const tabbed = text.includes('\t');
    const cells = tabbed ? splitCells(text) : [text.trim()];
    const candidate = tabbed ? readHeader(cells) : null;

    if (candidate !== null && isTaskHeader(candidate)) {
      const current: RawTable | null = table;
      if (current === null || !sameKinds(current.header, candidate.header)) {
        close();
        table = { header: candidate.header, headerLine: line, rows: [] };
      }
      continue; // the header again, on a new page
    }
    if (candidate !== null && candidate.known > nearMissKnown) {
      nearMiss = { line, missing: candidate.missing };
      nearMissKnown = candidate.known;
    }
    const open: RawTable | null = table;
    if (open === null) {
      continue;
    }
    if (!tabbed && END_OF_TABLE.test(cells[0])) {
      close();
      continue;
    }
    if (candidate !== null && candidate.known >= 3) {
      close(); // another table's header
      continue;
    }
    const hasSeq = open.header.columns[0] === 'seq';
    const seq: number | null | false = tabbed ? startsRow(cells, hasSeq, lastSeq) : false;
    if (seq !== false) {
      row = { cells, line, seq };
      open.rows.push(row);
      lastSeq = seq;
    } else if (row !== null) {
      continueRow(row, cells);
    }
  }
  close();
  return { tables, nearMiss };
}
