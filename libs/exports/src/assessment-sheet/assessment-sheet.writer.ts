import type { Writable } from 'node:stream';
import type { AssessmentSheet, SheetRow } from '@app/assessment';
import {
  addTableSheet,
  BODY_FONT,
  CellInput,
  GRID,
  HEADER_FONT,
  SheetColumn,
  streamingWorkbook,
  TITLE_FONT,
  WRAP,
  writeDataRow,
  writeHeader,
} from '../common/xlsx-sheet';

const SCORE = { width: 10, align: 'center' as const, numFmt: '0.00' };

/** Component columns are headed with their weight, e.g. `报送及时性（25分）`. */
export function assessmentColumns(weights: AssessmentSheet['run']['weights']): SheetColumn[] {
  const weighted = (label: string, weight: number | undefined) =>
    weight === undefined ? label : `${label}（${weight}分）`;
  return [
    { header: '排名', width: 6, align: 'center' },
    { header: '单位', width: 26 },
    { header: weighted('报送及时性', weights?.timeliness), ...SCORE },
    { header: weighted('任务完成情况', weights?.completion), ...SCORE },
    { header: weighted('报送质量', weights?.reviewQuality), ...SCORE },
    { header: weighted('指标完成情况', weights?.indicators), ...SCORE },
    { header: '扣分', ...SCORE },
    { header: '扣分事由', width: 36 },
    { header: '加分', ...SCORE },
    { header: '调整', ...SCORE },
    { header: '调整事由', width: 30 },
    { header: '总分', ...SCORE },
    { header: '等次', width: 8, align: 'center' },
    { header: '备注', width: 20 },
  ];
}

export const ASSESSMENT_HEADER_ROW = 3;

export function sheetCells(row: SheetRow): CellInput[] {
  return [
    row.rank,
    row.unitName,
    row.timeliness,
    row.completion,
    row.reviewQuality,
    row.indicators,
    row.deductions,
    row.deductionDetail,
    row.bonus,
    row.adjustments,
    row.adjustmentDetail,
    row.total,
    row.gradeLabel,
    [row.note, row.version > 1 ? `第${row.version}版（更正）` : null].filter(Boolean).join('；'),
  ];
}

/**
 * 考核结果汇总表: title, the run's basis (government, scheme version, status), the header with the weights, then
 * each ranking group (市直部门, 县（市、区）人民政府 …) under a group row, its units by rank.
 */
export async function writeAssessmentSheet(
  out: Writable,
  sheetData: AssessmentSheet,
  title: string,
  basis: string,
  progress: (done: number) => void,
): Promise<void> {
  const columns = assessmentColumns(sheetData.run.weights);
  const workbook = streamingWorkbook(out);
  const sheet = addTableSheet(workbook, '考核结果', columns, ASSESSMENT_HEADER_ROW);
  const banner = (text: string, font: typeof TITLE_FONT, height: number, align: 'center' | 'left') => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, columns.length);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { ...WRAP, horizontal: align };
    row.height = height;
    return row;
  };
  banner(title, TITLE_FONT, 36, 'center').commit();
  banner(basis, BODY_FONT, 22, 'left').commit();
  writeHeader(sheet, columns).commit();
  let done = 0;
  for (const group of sheetData.groups) {
    const heading = banner(group.label, HEADER_FONT, 22, 'left');
    heading.getCell(1).border = GRID;
    heading.commit();
    for (const row of group.rows) {
      writeDataRow(sheet, columns, sheetCells(row)).commit();
      progress(++done);
    }
  }
  sheet.commit();
  await workbook.commit();
}
