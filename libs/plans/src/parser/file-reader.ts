import { Workbook, type CellValue } from 'exceljs';
import mammoth from 'mammoth';

import { MAX_PLAN_BYTES, PlanParseError } from './plan-parse-error';
import type { ParsePlanInput } from './types';

/**
 * Turn an upload into text or sheets: `.xlsx` through exceljs, `.docx` through mammoth's raw text, anything else as
 * UTF-8 (or GB18030, common for Chinese government files) text. Binary and oversized input is refused.
 */

export interface SheetGrid {
  name: string;
  /** Cell text by row; merged cells repeat the merged value in every cell they cover. */
  rows: string[][];
}

export type PlanDocument = { kind: 'text'; text: string } | { kind: 'sheets'; sheets: SheetGrid[] };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function extensionOf(filename: string | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(filename ?? '');
  return match ? match[1].toLowerCase() : '';
}

const where = (filename: string | undefined): string => (filename ? `（${filename}）` : '');
const whereEn = (filename: string | undefined): string => (filename ? ` (${filename})` : '');

function tooLarge(size: number, filename?: string): PlanParseError {
  const mb = MAX_PLAN_BYTES / 1024 / 1024;
  return new PlanParseError(
    'TOO_LARGE',
    `文件过大${where(filename)}：${size} 字节，上限 ${mb} MB。File too large${whereEn(filename)}: ${size} bytes, limit ${mb} MB.`,
  );
}

function empty(filename?: string): PlanParseError {
  return new PlanParseError('EMPTY', `文件为空${where(filename)}。The plan${whereEn(filename)} is empty.`);
}

/** Control characters other than tab, LF, CR and form feed do not occur in text. */
function firstControlCharacter(text: string): number {
  const limit = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < limit; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) {
      return i;
    }
  }
  return -1;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
    }
  }
  return line;
}

/** Check text given directly (not as a file). */
export function checkText(text: string, filename?: string): string {
  if (text.length > MAX_PLAN_BYTES) {
    throw tooLarge(text.length, filename);
  }
  if (text.trim() === '') {
    throw empty(filename);
  }
  const bad = firstControlCharacter(text);
  if (bad >= 0) {
    const line = lineOf(text, bad);
    throw new PlanParseError(
      'BINARY',
      `不是文本文件${where(filename)}：第${line}行有二进制字符。Not a text file${whereEn(filename)}: binary data at line ${line}.`,
      line,
    );
  }
  return text;
}

function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Not UTF-8: Chinese government text files are often GB18030 (GBK).
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'object') {
    return String(value);
  }
  if ('richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  if ('text' in value && typeof value.text === 'string') {
    return value.text; // a hyperlink
  }
  if ('result' in value) {
    return cellText(value.result); // a formula: its cached result
  }
  return ''; // an error value
}

async function readWorkbook(buffer: Buffer, filename?: string): Promise<SheetGrid[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new PlanParseError(
      'BINARY',
      `无法读取 Excel 文件${where(filename)}，请确认是 .xlsx 格式。Cannot read the workbook${whereEn(filename)}; is it .xlsx?`,
    );
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const source = cell.isMerged ? cell.master : cell;
        cells[column - 1] = cellText(source.value).trim();
      });
      rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
    });
    return { name: sheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

async function readDocx(buffer: Buffer, filename?: string): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer });
    return result.value;
  } catch {
    throw new PlanParseError(
      'NOT_DOCX',
      `无法读取 Word 文件${where(filename)}，请确认是 .docx 格式。Cannot read the Word file${whereEn(filename)}; is it .docx?`,
    );
  }
}

/** Read an upload or a text into a document the parsers understand. */
export async function readPlanDocument(input: ParsePlanInput): Promise<PlanDocument> {
  const { buffer, filename } = input;
  if (buffer === undefined) {
    return { kind: 'text', text: checkText(input.text ?? '', filename) };
  }
  if (buffer.length > MAX_PLAN_BYTES) {
    throw tooLarge(buffer.length, filename);
  }
  if (buffer.length === 0) {
    throw empty(filename);
  }
  const extension = extensionOf(filename);
  const zip = buffer.subarray(0, 4).equals(ZIP_MAGIC);
  if (extension === 'doc' || (extension === 'docx' && buffer.subarray(0, 4).equals(OLE_MAGIC))) {
    throw new PlanParseError(
      'NOT_DOCX',
      `不支持旧版 Word（.doc）文件${where(filename)}，请另存为 .docx。Legacy .doc files${whereEn(filename)} are not supported; save as .docx.`,
    );
  }
  if (extension === 'docx' && !zip) {
    throw new PlanParseError(
      'NOT_DOCX',
      `文件扩展名为 .docx 但内容不是 Word 文档${where(filename)}。The file${whereEn(filename)} is named .docx but is not a Word document.`,
    );
  }
  if (zip) {
    const head = buffer.subarray(0, Math.min(buffer.length, 64 * 1024)).toString('latin1');
    if (extension === 'xlsx' || (extension !== 'docx' && head.includes('xl/'))) {
      return { kind: 'sheets', sheets: await readWorkbook(buffer, filename) };
    }
    if (extension === 'docx' || head.includes('word/')) {
      return { kind: 'text', text: checkText(await readDocx(buffer, filename), filename) };
    }
    throw new PlanParseError(
      'BINARY',
      `压缩文件不是 .docx 或 .xlsx${where(filename)}。The archive${whereEn(filename)} is neither .docx nor .xlsx.`,
    );
  }
  if (extension === 'xlsx' || extension === 'xls') {
    throw new PlanParseError(
      'BINARY',
      `不是 .xlsx 文件${where(filename)}，请另存为 .xlsx。Not an .xlsx file${whereEn(filename)}; save it as .xlsx.`,
    );
  }
  return { kind: 'text', text: checkText(decodeText(buffer), filename) };
}
