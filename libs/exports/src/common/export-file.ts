import type { Readable } from 'node:stream';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A finished or streaming download. */
export interface ExportFile {
  /** What the user sees, in Chinese: `阳江市…重点工作进展（2026年11月）.xlsx`. */
  filename: string;
  /** An ASCII name for clients that ignore `filename*`. */
  asciiFilename: string;
  contentType: string;
  body: Buffer | Readable;
}

/**
 * `Content-Disposition` with both names (RFC 6266): the ASCII fallback, and the UTF-8 name encoded per RFC 5987,
 * which Chrome, Edge, Firefox, Safari and WPS's downloader all prefer.
 */
export function contentDisposition(filename: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/** RFC 5987 `value-chars`: percent-encode everything outside attr-char (encodeURIComponent leaves `'()*` and `!`). */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Characters Windows and macOS refuse in a file name, and control characters, become `_`. */
export function safeFilename(name: string): string {
  return name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .trim()
    .slice(0, 150);
}
