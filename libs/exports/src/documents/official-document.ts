import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/** A paragraph of the body, a numbered heading (`一、约谈时间`), or a table. */
export type DocumentBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] };

/** The parts of a 党政机关公文 (GB/T 9704-2012) these notices use. */
export interface OfficialDocument {
  /** 发文机关标志, printed in red above the rule. */
  issuer: string;
  /** 发文字号, e.g. 督办〔2026〕3号; omitted when the document has none. */
  number?: string;
  title: string;
  /** 主送机关, without the colon. */
  addressee: string;
  body: DocumentBlock[];
  /** 落款 and 成文日期. */
  signature: { issuer: string; date: string };
  /** 附注, e.g. 联系人 and telephone; printed small under the date. */
  note?: string;
}

// Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt. Lengths in twentieths of a point (twips), 1 mm = 56.7.
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_TABLE = 24;
const SIZE_ISSUER = 60;
const LINE = 560; // fixed 28 pt lines: 22 lines a page
const INDENT = 640; // two characters of 三号
const mm = (value: number) => Math.round(value * 56.7);

const FONT_TITLE = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const FONT_BODY = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const FONT_HEADING = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const RED = 'FF0000';

const run = (text: string, font = FONT_BODY, size = SIZE_BODY, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font, size, ...extra });

const exact = { line: LINE, lineRule: LineRuleType.EXACT };

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text)],
    indent: { firstLine: INDENT },
    spacing: exact,
    alignment: AlignmentType.JUSTIFIED,
  });
}

function table(block: Extract<DocumentBlock, { kind: 'table' }>): Table {
  const cell = (text: string, header: boolean, width?: number) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [run(line, header ? FONT_HEADING : FONT_BODY, SIZE_TABLE)],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, true, block.widths?.[i])) }),
      ...block.rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, false, block.widths?.[i])) }),
      ),
    ],
  });
}

/**
 * The usual layout: the issuer in red, the number, a red rule, the title, the addressee, the body (三号仿宋, first
 * line indented two characters, fixed 28 pt lines), the issuer and date on the right, page numbers `— 1 —`, on A4
 * with the standard's margins.
 */
export function officialDocument(doc: OfficialDocument): Document {
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(10), after: mm(6) },
      children: [run(doc.issuer, FONT_TITLE, SIZE_ISSUER, { color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      border: { bottom: { color: RED, style: BorderStyle.SINGLE, size: 18, space: 6 } },
      children: [run(doc.number ?? '')],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: LINE, after: LINE, line: 700, lineRule: LineRuleType.EXACT },
      children: [run(doc.title, FONT_TITLE, SIZE_TITLE)],
    }),
    new Paragraph({ spacing: exact, children: [run(`${doc.addressee}：`)] }),
  ];
  for (const block of doc.body) {
    switch (block.kind) {
      case 'paragraph':
        children.push(bodyParagraph(block.text));
        break;
      case 'heading':
        children.push(
          new Paragraph({ indent: { firstLine: INDENT }, spacing: exact, children: [run(block.text, FONT_HEADING)] }),
        );
        break;
      case 'table':
        children.push(table(block), new Paragraph({ spacing: exact, children: [] }));
        break;
    }
  }
  children.push(
    new Paragraph({
      spacing: { before: LINE * 2, ...exact },
      alignment: AlignmentType.RIGHT,
      children: [run(doc.signature.issuer)],
    }),
    new Paragraph({
      spacing: exact,
      alignment: AlignmentType.RIGHT,
      indent: { right: INDENT * 2 },
      children: [run(doc.signature.date)],
    }),
  );
  if (doc.note) {
    children.push(
      new Paragraph({
        spacing: { before: LINE },
        indent: { firstLine: INDENT },
        children: [run(doc.note, FONT_BODY, SIZE_TABLE)],
      }),
    );
  }
  return new Document({
    creator: doc.signature.issuer,
    title: doc.title,
    styles: { default: { document: { run: { font: FONT_BODY, size: SIZE_BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { ascii: '宋体', eastAsia: '宋体' },
                    size: 28,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

export function packDocument(doc: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(officialDocument(doc));
}
