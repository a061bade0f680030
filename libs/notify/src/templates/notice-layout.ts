import { formatChineseDay } from './chinese-date';

/** What every template returns; spread it into `EmailOutbox.enqueue`. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Who signs a notice (落款), when, and where the app lives. Shared by every template input. */
export interface NoticeSender {
  /** e.g. 阳江市土壤污染防治工作领导小组办公室 */
  officeName: string;
  /** The date under the signature. */
  issuedAt: Date;
  /** `AppConfig.publicUrl`, e.g. https://soil.example.gov.cn */
  publicUrl: string;
}

/** Blocks of a notice, rendered both as plain text and as HTML. Every string is plain text, escaped when rendered. */
export type NoticeBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'table'; columns: string[]; rows: string[][] };

export interface Notice {
  subject: string;
  /** A document number line above the salutation, e.g. 督办〔2026〕3号 (文号). */
  documentNumber?: string;
  /** Addressee (主送), without the colon. */
  salutation: string;
  blocks: NoticeBlock[];
  sender: NoticeSender;
}

const INDENT = '\u3000\u3000';
const FOOTER = '本邮件由系统自动发送，请勿直接回复。';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `publicUrl` + `path`, with exactly one slash between them. */
export function appLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Quotes a title the way notices do (“…”), dropping quotes the title already carries. */
export function quoted(title: string): string {
  return `“${title.replace(/^[“"]+|[”"]+$/g, '')}”`;
}

/** Ends a sentence with one full stop, whatever the user typed. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/[。.；;，,]+$/, '');
  return `${trimmed}。`;
}

export function renderNotice(notice: Notice): EmailContent {
  return {
    subject: notice.subject.replace(/\s+/g, ' ').trim(),
    text: renderText(notice),
    html: renderHtml(notice),
  };
}

function renderText(notice: Notice): string {
  const lines: string[] = [];
  if (notice.documentNumber) {
    lines.push(notice.documentNumber, '');
  }
  lines.push(`${notice.salutation}：`);
  for (const block of notice.blocks) {
    switch (block.kind) {
      case 'paragraph':
        lines.push(INDENT + block.text);
        break;
      case 'field':
        lines.push(`${INDENT}${block.label}：${block.value.split(/\r?\n/).join(`\n${INDENT}`)}`);
        break;
      case 'link':
        lines.push(`${INDENT}${block.label}：${block.url}`);
        break;
      case 'table':
        block.rows.forEach((row, index) => {
          const cells = row.map((cell, column) => `${block.columns[column]}：${cell}`).join('；');
          lines.push(`${INDENT}（${index + 1}）${cells}`);
        });
        break;
    }
  }
  lines.push('', notice.sender.officeName, formatChineseDay(notice.sender.issuedAt), '', `（${FOOTER}）`);
  return `${lines.join('\n')}\n`;
}

const P = 'margin:0;text-indent:2em;';
const CELL = 'border:1px solid #999;padding:4px 8px;';

function renderHtml(notice: Notice): string {
  const parts: string[] = [];
  if (notice.documentNumber) {
    parts.push(`<p style="margin:0 0 1em;text-align:center;">${escapeHtml(notice.documentNumber)}</p>`);
  }
  parts.push(`<p style="margin:0;">${escapeHtml(notice.salutation)}：</p>`);
  for (const block of notice.blocks) {
    switch (block.kind) {
      case 'paragraph':
        parts.push(`<p style="${P}">${escapeHtml(block.text)}</p>`);
        break;
      case 'field':
        parts.push(`<p style="${P}">${escapeHtml(block.label)}：${multiline(block.value)}</p>`);
        break;
      case 'link':
        parts.push(
          `<p style="${P}">${escapeHtml(block.label)}：<a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>`,
        );
        break;
      case 'table': {
        const head = ['序号', ...block.columns].map((c) => `<th style="${CELL}">${escapeHtml(c)}</th>`).join('');
        const body = block.rows
          .map(
            (row, index) =>
              `<tr><td style="${CELL}text-align:center;">${index + 1}</td>${row
                .map((cell) => `<td style="${CELL}">${escapeHtml(cell)}</td>`)
                .join('')}</tr>`,
          )
          .join('');
        parts.push(
          `<table style="border-collapse:collapse;margin:0.5em 0 0.5em 2em;"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`,
        );
        break;
      }
    }
  }
  parts.push(
    `<p style="margin:2em 0 0;text-align:right;">${escapeHtml(notice.sender.officeName)}<br>${escapeHtml(
      formatChineseDay(notice.sender.issuedAt),
    )}</p>`,
    `<p style="margin:2em 0 0;color:#666;font-size:12px;">${FOOTER}</p>`,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escapeHtml(notice.subject)}</title></head>`,
    '<body style="font-family:FangSong,STFangsong,serif;font-size:16px;line-height:1.8;color:#000;">',
    ...parts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function multiline(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => escapeHtml(line))
    .join('<br>');
}
