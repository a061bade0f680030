import { Document, Packer, Paragraph } from 'docx';
import { Workbook } from 'exceljs';

import { checkText, readPlanDocument } from './file-reader';
import { MAX_PLAN_BYTES, PlanParseError } from './plan-parse-error';

async function workbookBuffer(rows: string[][], merges: string[] = []): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('分工表');
  rows.forEach((row) => sheet.addRow(row));
  merges.forEach((range) => sheet.mergeCells(range));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function docxBuffer(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] });
  return Packer.toBuffer(document);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof PlanParseError) {
      return error.code;
    }
    throw error;
  }
  return 'none';
}

describe(readPlanDocument.name, () => {
  it('should read a .xlsx into sheets with merged values repeated when cells are merged', async () => {
    const buffer = await workbookBuffer(
      [
        ['序号', '任务措施', '牵头单位'],
        ['1', '开展调查', '县环保局'],
        ['2', '建立制度', ''],
      ],
      ['C2:C3'],
    );
    const document = await readPlanDocument({ buffer, filename: '分工表.xlsx' });
    expect(document).toEqual({
      kind: 'sheets',
      sheets: [
        {
          name: '分工表',
          rows: [
            ['序号', '任务措施', '牵头单位'],
            ['1', '开展调查', '县环保局'],
            ['2', '建立制度', '县环保局'],
          ],
        },
      ],
    });
  });

  it('should read a .docx as raw text when given a Word file', async () => {
    const buffer = await docxBuffer(['（一）开展调查', '完成详查。（县环保局牵头，县农业局参与）']);
    const document = await readPlanDocument({ buffer, filename: 'plan.docx' });
    expect(document.kind === 'text' && document.text).toContain('（县环保局牵头，县农业局参与）');
  });

  it('should decode GB18030 when a text file is not UTF-8', async () => {
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]); // 你好
    await expect(readPlanDocument({ buffer: gbk, filename: 'plan.txt' })).resolves.toEqual({
      kind: 'text',
      text: '你好',
    });
  });

  it.each([
    ['EMPTY', Buffer.alloc(0), 'plan.txt'],
    ['BINARY', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41]), 'plan.txt'],
    ['NOT_DOCX', Buffer.from('not a zip at all'), 'plan.docx'],
    ['NOT_DOCX', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'plan.doc'],
    ['BINARY', Buffer.from('plain text'), 'plan.xlsx'],
  ])('should refuse with %s when the upload is unusable', async (code, buffer, filename) => {
    await expect(codeOf(readPlanDocument({ buffer, filename }))).resolves.toBe(code);
  });

  it('should refuse with NOT_DOCX when a zip named .docx is not a Word document', async () => {
    const buffer = await workbookBuffer([['a']]);
    await expect(codeOf(readPlanDocument({ buffer, filename: 'plan.docx' }))).resolves.toBe('NOT_DOCX');
  });

  it('should refuse with TOO_LARGE when the file exceeds the cap', async () => {
    const buffer = Buffer.alloc(MAX_PLAN_BYTES + 1, 0x20);
    await expect(codeOf(readPlanDocument({ buffer, filename: 'plan.txt' }))).resolves.toBe('TOO_LARGE');
  });
});

describe(checkText.name, () => {
  it('should say on which line binary data starts when text holds control characters', () => {
    expect(() => checkText('第一行\n第二行\u0001')).toThrow(expect.objectContaining({ code: 'BINARY', line: 2 }));
  });

  it('should refuse whitespace-only text as EMPTY', () => {
    expect(() => checkText(' \n\t ')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
  });
});
