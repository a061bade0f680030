import type { Writable } from 'node:stream';
import { stream, type Alignment, type Borders, type Font, type Row, type Worksheet } from 'exceljs';

/** Fonts every Chinese Office and WPS install has. */
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 16 };
export const HEADER_FONT: Partial<Font> = { name: '黑体', size: 11 };
export const BODY_FONT: Partial<Font> = { name: '宋体', size: 11 };

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const GRID: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const WRAP: Partial<Alignment> = { wrapText: true, vertical: 'middle' };

export interface SheetColumn {
  header: string;
  /** In characters of a Latin font; a Chinese character takes two. */
  width: number;
  align?: Alignment['horizontal'];
  /** Number format of numeric cells, e.g. `0.00`. */
  numFmt?: string;
}

/** A cell of a data row: text, a number (kept numeric so the sheet can be summed), or empty. */
export type CellInput = string | number | null;

/**
 * A workbook written straight to `out` (exceljs' streaming writer): rows are flushed once committed, so memory
 * stays flat however long the sheet. Strings are written inline rather than shared, for the same reason.
 */
export function streamingWorkbook(out: Writable): stream.xlsx.WorkbookWriter {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '领导小组办公室工作平台';
  return workbook;
}

/** A sheet laid out for A4 landscape printing, the header row repeated on every page and frozen on screen. */
export function addTableSheet(
  workbook: stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly SheetColumn[],
  headerRow: number,
): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      horizontalCentered: true,
    },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  return sheet;
}

/** The header row: bold, centred, gridded. */
export function writeHeader(sheet: Worksheet, columns: readonly SheetColumn[]): Row {
  const row = sheet.addRow(columns.map((c) => c.header));
  row.height = 28;
  row.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.border = GRID;
    cell.alignment = { ...WRAP, horizontal: 'center' };
  });
  return row;
}

/** A data row: gridded, wrapped, and tall enough for its longest cell (Excel does not grow rows on open). */
export function writeDataRow(sheet: Worksheet, columns: readonly SheetColumn[], values: readonly CellInput[]): Row {
  const row = sheet.addRow([...values]);
  row.height = rowHeight(
    columns,
    values.map((v) => (v === null ? '' : String(v))),
  );
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.font = BODY_FONT;
    cell.border = GRID;
    cell.alignment = { ...WRAP, horizontal: column.align ?? 'left' };
    if (column.numFmt) {
      cell.numFmt = column.numFmt;
    }
  });
  return row;
}

const LINE_HEIGHT = 15;

/** Lines a cell needs at its column's width, counting a CJK character as two columns. */
export function linesFor(text: string, width: number): number {
  return text
    .split('\n')
    .reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);
}

export function rowHeight(columns: readonly SheetColumn[], values: readonly string[]): number {
  const lines = Math.max(1, ...values.map((value, i) => linesFor(value, columns[i]?.width ?? 10)));
  return Math.min(409, Math.max(20, lines * LINE_HEIGHT + 6));
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  }
  return width;
}
