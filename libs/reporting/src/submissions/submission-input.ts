import { createHash } from 'node:crypto';
import { DomainError, FieldErrors } from '@app/core';
import { SubmissionKind } from './submission.entity';

export const MAX_PROGRESS_TEXT = 10_000;

export interface IndicatorValueInput {
  indicatorId: number;
  value: number;
}

/** What a unit reports; the API's DTO has already checked types and ranges, this checks the combination. */
export interface SubmissionInput {
  kind: SubmissionKind;
  progressText?: string | null;
  percentComplete?: number | null;
  indicatorValues?: IndicatorValueInput[];
}

/** An uploaded file waiting in the temporary folder. */
export interface UploadedAttachment {
  originalName: string;
  tempPath: string;
}

/** The rules of each kind: a progress report needs text and % complete; a 无此项任务 declaration carries neither. */
export function checkSubmissionInput(input: SubmissionInput, attachmentCount: number): void {
  const fields: FieldErrors = {};
  const text = input.progressText?.trim() ?? '';
  const percent = input.percentComplete ?? null;
  const values = input.indicatorValues ?? [];
  if (input.kind === 'progress') {
    if (!text) {
      fields.progressText = ['报送工作进展时必须填写进展情况'];
    }
    if (percent === null) {
      fields.percentComplete = ['报送工作进展时必须填写完成进度（0–100）'];
    }
  }
  if (input.kind === 'no_task') {
    if (percent !== null) {
      fields.percentComplete = ['声明“无此项任务”时不能填写完成进度'];
    }
    if (values.length > 0) {
      fields.indicatorValues = ['声明“无此项任务”时不能填写指标值'];
    }
    if (attachmentCount > 0) {
      fields.files = ['声明“无此项任务”时不能上传附件'];
    }
  }
  if (percent !== null && !(Number.isInteger(percent) && percent >= 0 && percent <= 100)) {
    fields.percentComplete = ['完成进度须为 0–100 的整数'];
  }
  if (text.length > MAX_PROGRESS_TEXT) {
    fields.progressText = [`长度不能超过 ${MAX_PROGRESS_TEXT} 个字符`];
  }
  const seen = new Set<number>();
  values.forEach((value, index) => {
    if (seen.has(value.indicatorId)) {
      fields[`indicatorValues[${index}].indicatorId`] = ['同一指标只能填写一次'];
    }
    seen.add(value.indicatorId);
    if (!Number.isFinite(value.value)) {
      fields[`indicatorValues[${index}].value`] = ['必须是数字'];
    }
  });
  const names = Object.keys(fields);
  if (names.length > 0) {
    throw new DomainError('VALIDATION', `${names[0]}：${fields[names[0]][0]}`, fields);
  }
}

/** Same key, same request: the obligation, every field and each file's checksum, in a canonical order. */
export function submissionFingerprint(
  obligationId: number,
  input: SubmissionInput,
  files: Array<{ originalName: string; sha256: string }>,
): string {
  const canonical = JSON.stringify({
    obligationId,
    kind: input.kind,
    progressText: input.progressText?.trim() || null,
    percentComplete: input.percentComplete ?? null,
    indicatorValues: [...(input.indicatorValues ?? [])]
      .sort((a, b) => a.indicatorId - b.indicatorId)
      .map((v) => [v.indicatorId, v.value]),
    files: files.map((f) => [f.originalName, f.sha256]),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
