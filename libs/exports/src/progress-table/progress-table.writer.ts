import type { Writable } from 'node:stream';
import type { stream, Worksheet } from 'exceljs';
import {
  addTableSheet,
  BODY_FONT,
  SheetColumn,
  streamingWorkbook,
  TITLE_FONT,
  WRAP,
  writeDataRow,
  writeHeader,
} from '../common/xlsx-sheet';
import type { ProgressRow } from './progress-rows';

export const PROGRESS_COLUMNS: readonly SheetColumn[] = [
  { header: '重点内容', width: 16, align: 'center' },
  { header: '重点工作事项', width: 36 },
  { header: '责任单位', width: 20, align: 'center' },
  { header: '进展情况', width: 60 },
  { header: '备注', width: 18 },
];

export const PROGRESS_HEADER_ROW = 3;

export interface ProgressTableHeading {
  /** `2026年阳江市…重点工作进展（2026年11月）`. */
  title: string;
  /** 填报单位：… 填报人：… 联系电话：… */
  filledBy: string;
  footnote: string;
}

/**
 * 重点工作进展表 in the layout of the attachment to seed 004: title, 填报单位 line, the five columns, one row per
 * task, 重点内容 merged over each section's rows. Sections are written one at a time (a merge must be declared
 * before its rows are flushed), so only one section is ever held in memory.
 */
export class ProgressTableWriter {
  private readonly workbook: stream.xlsx.WorkbookWriter;
  private readonly sheet: Worksheet;
  private readonly footnote: string;

  constructor(out: Writable, heading: ProgressTableHeading) {
    this.workbook = streamingWorkbook(out);
    this.sheet = addTableSheet(this.workbook, '重点工作进展', PROGRESS_COLUMNS, PROGRESS_HEADER_ROW);
    const last = PROGRESS_COLUMNS.length;
    this.sheet.mergeCells(1, 1, 1, last);
    const title = this.sheet.getCell(1, 1);
    title.value = heading.title;
    title.font = TITLE_FONT;
    title.alignment = { ...WRAP, horizontal: 'center' };
    this.sheet.getRow(1).height = 36;
    this.sheet.getRow(1).commit();
    this.sheet.mergeCells(2, 1, 2, last);
    const filledBy = this.sheet.getCell(2, 1);
    filledBy.value = heading.filledBy;
    filledBy.font = BODY_FONT;
    filledBy.alignment = { vertical: 'middle', horizontal: 'left' };
    this.sheet.getRow(2).height = 22;
    this.sheet.getRow(2).commit();
    writeHeader(this.sheet, PROGRESS_COLUMNS).commit();
    this.footnote = heading.footnote;
  }

  /** Rows of one section, in order; their 重点内容 cells are merged. */
  writeSection(rows: readonly ProgressRow[]): void {
    if (rows.length === 0) {
      return;
    }
    const written = rows.map((r) =>
      writeDataRow(this.sheet, PROGRESS_COLUMNS, [r.section, r.item, r.units, r.progress, r.remark]),
    );
    if (written.length > 1) {
      this.sheet.mergeCells(written[0].number, 1, written[written.length - 1].number, 1);
    }
    for (const row of written) {
      row.commit();
    }
  }

  async finish(): Promise<void> {
    const row = this.sheet.addRow([this.footnote]);
    this.sheet.mergeCells(row.number, 1, row.number, PROGRESS_COLUMNS.length);
    row.getCell(1).font = { ...BODY_FONT, size: 10 };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 48;
    row.commit();
    this.sheet.commit();
    await this.workbook.commit();
  }
}
