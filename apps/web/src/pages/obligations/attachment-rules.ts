import type { UploadFile } from 'antd';

/** The API's attachment rules (libs/reporting attachment-policy), checked before sending; the API checks again. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'txt', 'zip', 'ofd'];
export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export type AttachmentProblem = { kind: 'count' } | { kind: 'type' | 'size' | 'empty'; name: string };

export function attachmentProblem(files: UploadFile[]): AttachmentProblem | null {
  if (files.length > MAX_ATTACHMENTS) {
    return { kind: 'count' };
  }
  for (const file of files) {
    const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
    if (!ATTACHMENT_EXTENSIONS.includes(extension)) {
      return { kind: 'type', name: file.name };
    }
    if ((file.size ?? 0) > MAX_ATTACHMENT_BYTES) {
      return { kind: 'size', name: file.name };
    }
    if (file.size === 0) {
      return { kind: 'empty', name: file.name };
    }
  }
  return null;
}
