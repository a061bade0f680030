import { PassThrough } from 'node:stream';
import { Workbook } from 'exceljs';
import { taskTableRow } from './task-table-rows';
import { TaskTableWriter } from './task-table.writer';

async function written(write: (out: PassThrough) => Promise<void>): Promise<Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  const book = new Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return book;
}

describe(TaskTableWriter.name, () => {
  it('should merge 条 over a chapter and 款 over the clauses of one item, and keep the title unmerged', async () => {
    const titles = new Map([['一', '农用地']]);
    const task = (ref: string, title: string) => ({
      ref,
      title,
      text: `${title}。`,
      leads: ['阳江市农业农村局'],
      participants: [],
      localResponsibility: false,
      deadlines: ['持续实施'],
    });
    const book = await written(async (out) => {
      const writer = new TaskTableWriter(out, '阳江市2026年工作要点');
      writer.writeChapter([
        taskTableRow(1, task('一/(一)', '详查'), titles),
        taskTableRow(2, task('一/(一)', '详查'), titles),
        taskTableRow(3, task('一/(二)', '利用'), titles),
      ]);
      writer.writeChapter([taskTableRow(4, task('二/(三)', '监管'), titles)]);
      await writer.finish();
    });
    const sheet = book.worksheets[0];
    expect(sheet.model.merges.sort()).toEqual(['B3:B5', 'C3:C4']);
    expect(sheet.getCell('A1').text).toBe('阳江市2026年工作要点');
    expect(sheet.getCell('B1').text).toBe('');
    expect(sheet.getCell('C5').text).toBe('（二）利用');
    expect(sheet.getCell('B6').text).toBe('二、');
  });
});
