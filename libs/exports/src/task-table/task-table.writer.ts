import type { Writable } from 'node:stream';
import type { stream, Worksheet } from 'exceljs';
import {
  addTableSheet,
  SheetColumn,
  streamingWorkbook,
  TITLE_FONT,
  writeDataRow,
  writeHeader,
} from '../common/xlsx-sheet';
import type { TaskTableRow } from './task-table-rows';

/** The header names are those the plan importer recognises (附表7 of seed 002). */
export const TASK_TABLE_COLUMNS: readonly SheetColumn[] = [
  { header: '序号', width: 6, align: 'center' },
  { header: '条', width: 18 },
  { header: '款', width: 20 },
  { header: '任务措施', width: 56 },
  { header: '牵头部门', width: 18 },
  { header: '参与部门', width: 30 },
  { header: '实施进度', width: 14, align: 'center' },
];

const HEADER_ROW = 2;

/**
 * 任务分工表: the title in A1 (centred across the columns, not merged, so the importer still reads it as the
 * plan's title), the header, then one row per task; 条 is merged over a chapter's rows and 款 over rows that
 * repeat it (two clauses of one item).
 */
export class TaskTableWriter {
  private readonly workbook: stream.xlsx.WorkbookWriter;
  private readonly sheet: Worksheet;

  constructor(out: Writable, title: string) {
    this.workbook = streamingWorkbook(out);
    this.sheet = addTableSheet(this.workbook, '任务分工表', TASK_TABLE_COLUMNS, HEADER_ROW);
    const row = this.sheet.getRow(1);
    row.getCell(1).value = title;
    for (let column = 1; column <= TASK_TABLE_COLUMNS.length; column++) {
      row.getCell(column).font = TITLE_FONT;
      row.getCell(column).alignment = { horizontal: 'centerContinuous', vertical: 'middle' };
    }
    row.height = 36;
    row.commit();
    writeHeader(this.sheet, TASK_TABLE_COLUMNS).commit();
  }

  /** The rows of one chapter, in order. */
  writeChapter(rows: readonly TaskTableRow[]): void {
    const written = rows.map((r) =>
      writeDataRow(this.sheet, TASK_TABLE_COLUMNS, [
        String(r.seq),
        r.chapter,
        r.clause,
        r.text,
        r.leads,
        r.participants,
        r.deadlines,
      ]),
    );
    if (written.length > 1 && rows[0].chapter !== '') {
      this.sheet.mergeCells(written[0].number, 2, written[written.length - 1].number, 2);
    }
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i].clause !== rows[start].clause || rows[i].clause === '') {
        if (i - start > 1 && rows[start].clause !== '') {
          this.sheet.mergeCells(written[start].number, 3, written[i - 1].number, 3);
        }
        start = i;
      }
    }
    for (const row of written) {
      row.commit();
    }
  }

  async finish(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
