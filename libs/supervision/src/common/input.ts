import { DomainError } from '@app/core';

/** Services check what the engine passes as carefully as the API checks what people type. */
export function requireText(field: string, value: string | null | undefined, maxLength: number): string {
  const text = value?.trim() ?? '';
  if (!text) {
    throw DomainError.invalid(field, '不能为空');
  }
  if (text.length > maxLength) {
    throw DomainError.invalid(field, `长度不能超过 ${maxLength} 个字符`);
  }
  return text;
}

export function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  return value?.trim() ? requireText(field, value, maxLength) : null;
}

export const MAX_ATTACHMENTS = 20;
const MAX_ATTACHMENT_ID = 100;

/** Attachment references are plain ids for now (the attachment store arrives with reporting). */
export function attachmentRefs(field: string, refs: readonly string[] | undefined, required = false): string[] {
  const list = (refs ?? []).map((ref) => ref.trim());
  if (required && list.length === 0) {
    throw DomainError.invalid(field, '至少提供一项佐证材料');
  }
  if (list.length > MAX_ATTACHMENTS) {
    throw DomainError.invalid(field, `最多 ${MAX_ATTACHMENTS} 项`);
  }
  if (list.some((ref) => !ref || ref.length > MAX_ATTACHMENT_ID)) {
    throw DomainError.invalid(field, `每项须为 1–${MAX_ATTACHMENT_ID} 个字符的附件编号`);
  }
  return list;
}

export function requireDate(field: string, value: Date | null | undefined): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw DomainError.invalid(field, '必须是有效的日期时间');
  }
  return value;
}

export function requireIds(field: string, ids: readonly number[] | undefined): number[] {
  const list = [...new Set(ids ?? [])];
  if (list.some((id) => !Number.isInteger(id) || id < 1)) {
    throw DomainError.invalid(field, '必须是正整数编号');
  }
  return list;
}
