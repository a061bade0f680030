export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
/** Bytes read from the start of a file to check that its content matches its extension. */
export const SNIFF_BYTES = 4096;

interface AttachmentType {
  contentType: string;
  /** Whether the first bytes look like this type. */
  sniff: (head: Buffer) => boolean;
}

const startsWith = (head: Buffer, ...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
const ole2 = (head: Buffer) => startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
// Local file header, or the end record of an empty archive. docx, xlsx and ofd (GB/T 33190) are zip containers.
const zip = (head: Buffer) => startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0x50, 0x4b, 0x05, 0x06);
// Readers accept a PDF header anywhere in the first 1024 bytes.
const pdf = (head: Buffer) => head.subarray(0, 1024).includes('%PDF-');
// Plain text has no magic number: refuse NUL bytes, which no text encoding used here produces.
const text = (head: Buffer) => !head.includes(0);

const TYPES: Record<string, AttachmentType> = {
  pdf: { contentType: 'application/pdf', sniff: pdf },
  doc: { contentType: 'application/msword', sniff: ole2 },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sniff: zip,
  },
  xls: { contentType: 'application/vnd.ms-excel', sniff: ole2 },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sniff: zip },
  jpg: { contentType: 'image/jpeg', sniff: (head) => startsWith(head, 0xff, 0xd8, 0xff) },
  jpeg: { contentType: 'image/jpeg', sniff: (head) => startsWith(head, 0xff, 0xd8, 0xff) },
  png: { contentType: 'image/png', sniff: (head) => startsWith(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  txt: { contentType: 'text/plain; charset=utf-8', sniff: text },
  zip: { contentType: 'application/zip', sniff: zip },
  ofd: { contentType: 'application/ofd', sniff: zip },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES).filter((ext) => ext !== 'jpeg');

export type AttachmentCheck = { ok: true; contentType: string } | { ok: false; reason: string };

/**
 * Whether a file may be attached: an allowed extension, a size within the limit, and first bytes that match the
 * extension (a renamed .exe is refused). The browser's content type is ignored; ours follows the extension.
 */
export function checkAttachment(name: string, size: number, head: Buffer): AttachmentCheck {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const type = extension ? TYPES[extension] : undefined;
  if (!type) {
    return { ok: false, reason: `${name}：不支持的文件类型，仅限 ${ALLOWED_EXTENSIONS.join('、')}` };
  }
  if (size === 0) {
    return { ok: false, reason: `${name}：文件为空` };
  }
  if (size > MAX_ATTACHMENT_BYTES) {
    return { ok: false, reason: `${name}：超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 上限` };
  }
  if (!type.sniff(head)) {
    return { ok: false, reason: `${name}：文件内容与扩展名 .${extension} 不符` };
  }
  return { ok: true, contentType: type.contentType };
}
