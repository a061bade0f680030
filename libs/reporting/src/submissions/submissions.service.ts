import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainError, UnitOfWork } from '@app/core';
import type { AuthUser } from '@app/org';
import { PlanIndicator } from '@app/plans';
import { localDateOf } from '@app/workflows';
import { checkAttachment, MAX_ATTACHMENTS } from '../attachments/attachment-policy';
import { AttachmentStore } from '../attachments/attachment-store';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { ReportingNotices } from '../notices/reporting-notices';
import { ObligationAccess } from '../obligations/obligation-access';
import { Obligation, ObligationStatus } from '../obligations/obligation.entity';
import { ReportingHooks } from '../reporting-hooks';
import { readSubmissionTarget } from './submission-target';
import {
  checkSubmissionInput,
  IndicatorValueInput,
  submissionFingerprint,
  SubmissionInput,
  UploadedAttachment,
} from './submission-input';
import { SubmissionAttachment, SubmissionIndicatorValue, SubmissionKind } from './submission.entity';
import { affectedRows, dbTime, insertReturningId } from './write-sql';

/** What a submission answers, and what a retry with the same `Idempotency-Key` gets again, byte for byte. */
export interface SubmissionReceipt {
  obligationId: number;
  submissionId: number;
  period: string;
  round: number;
  kind: SubmissionKind;
  percentComplete: number | null;
  status: ObligationStatus;
  submittedAt: string;
  dueAt: string;
  late: boolean;
  attachments: Array<{ id: number; originalName: string; contentType: string; size: number; sha256: string }>;
}

interface PreparedFile extends UploadedAttachment {
  contentType: string;
  size: number;
  sha256: string;
}

interface StoredFile extends PreparedFile {
  storagePath: string;
  created: boolean;
}

const INSERT_KEY =
  'INSERT INTO reporting_idempotency_key (user_id, idem_key, fingerprint, obligation_id, created_at) VALUES (?, ?, ?, ?, ?)';
const STORE_RECEIPT =
  'UPDATE reporting_idempotency_key SET submission_id = ?, response = ? WHERE user_id = ? AND idem_key = ?';
const INSERT_SUBMISSION =
  'INSERT INTO reporting_submission (obligation_id, round, kind, progress_text, percent_complete, declares_complete, ' +
  `submitted_by, submitted_at, late, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`;
/** Conditional, so two submissions of one round cannot both win; only `open` and `returned` take a report. */
const MARK_SUBMITTED =
  "UPDATE reporting_obligation SET status = 'submitted', current_submission_id = ?, submitted_at = ?, late = ?, " +
  "updated_at = ? WHERE id = ? AND round = ? AND status IN ('open', 'returned')";

/**
 * 报送: a unit's report for one obligation, in ONE transaction: everything a user can get wrong is checked before
 * anything is written (a refusal rolls back and stores nothing), the files are moved into place once the checks
 * pass and removed again if the transaction fails. The hot statements are plain SQL with bound parameters.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: ObligationAccess,
    private readonly store: AttachmentStore,
    private readonly notices: ReportingNotices,
    private readonly hooks: ReportingHooks,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async submit(
    user: AuthUser,
    obligationId: number,
    input: SubmissionInput,
    uploads: UploadedAttachment[],
    idempotencyKey?: string,
  ): Promise<SubmissionReceipt> {
    try {
      if (uploads.length > MAX_ATTACHMENTS) {
        throw DomainError.invalid('files', `最多上传 ${MAX_ATTACHMENTS} 个附件`);
      }
      checkSubmissionInput(input, uploads.length);
      const files = await this.prepare(uploads);
      const fingerprint = submissionFingerprint(obligationId, input, files);
      const now = this.clock.now();
      const stored: StoredFile[] = [];
      try {
        return await this.unitOfWork.run((em) =>
          this.record(em, { user, obligationId, input, files, stored, idempotencyKey, fingerprint, now }),
        );
      } catch (error) {
        await this.removeUnreferenced(stored);
        if (isDuplicate(error)) {
          // The key was used before (or by a concurrent request that has now committed): the same body replays its
          // answer; otherwise this is a second report of the same round.
          const replay = idempotencyKey && (await this.replay(user, idempotencyKey, fingerprint));
          if (replay) {
            return replay;
          }
          throw new DomainError('CONFLICT', '本期已报送，正在等待审核；退回后才能重新报送');
        }
        throw error;
      }
    } finally {
      for (const upload of uploads) {
        await this.store.discard(upload.tempPath);
      }
    }
  }

  private async record(
    em: EntityManager,
    request: {
      user: AuthUser;
      obligationId: number;
      input: SubmissionInput;
      files: PreparedFile[];
      /** Filled as files are moved into place, so the caller can remove them if the transaction fails. */
      stored: StoredFile[];
      idempotencyKey?: string;
      fingerprint: string;
      now: Date;
    },
  ): Promise<SubmissionReceipt> {
    const { user, input, now } = request;
    if (request.idempotencyKey) {
      // Written first: a concurrent request with the same key waits on the unique index, then fails and replays.
      await em.query(INSERT_KEY, [
        user.id,
        request.idempotencyKey,
        request.fingerprint,
        request.obligationId,
        dbTime(now),
      ]);
    }
    const target = await readSubmissionTarget(em, request.obligationId);
    if (!target) {
      throw DomainError.notFound('报送义务', request.obligationId);
    }
    const before = target.obligation;
    this.access.assertCanSubmit(user, before);
    assertAccepting(before, now);
    await this.checkIndicators(em, before.planId, input.indicatorValues ?? []);
    for (const file of request.files) {
      request.stored.push({ ...file, ...(await this.store.put(file.tempPath, file.sha256, now)) });
    }
    const late = now.getTime() > before.dueAt.getTime();
    const percent = input.percentComplete ?? null;
    const submission = {
      kind: input.kind,
      percentComplete: percent,
      submittedAt: now,
      late,
    };
    const submissionId = await insertReturningId(em, INSERT_SUBMISSION, [
      before.id,
      before.round,
      input.kind,
      input.progressText?.trim() || null,
      percent,
      input.kind === 'progress' && percent === 100 ? 1 : 0,
      user.id,
      dbTime(now),
      late ? 1 : 0,
    ]);
    await this.insertIndicatorValues(em, submissionId, input.indicatorValues ?? []);
    const attachments = await this.insertAttachments(em, submissionId, request.stored, now);
    const updated = await affectedRows(em, MARK_SUBMITTED, [
      submissionId,
      dbTime(now),
      late ? 1 : 0,
      dbTime(now),
      before.id,
      before.round,
    ]);
    if (updated !== 1) {
      throw new DomainError('CONFLICT', '本期已报送，正在等待审核；退回后才能重新报送');
    }
    const after = { ...before, status: 'submitted' as const };
    await this.audit.record(em, {
      actor: { kind: 'user', userId: user.id, username: user.username },
      action: 'obligation.submit',
      entityType: 'obligation',
      entityId: before.id,
      unitId: before.unitId,
      before: { status: before.status, round: before.round },
      after: {
        status: after.status,
        round: after.round,
        submissionId,
        kind: submission.kind,
        percentComplete: submission.percentComplete,
        late,
        attachments: attachments.map((a) => a.sha256),
      },
    });
    await this.notices.submitted(em, { ...target, obligation: after, submission });
    await this.hooks.emit(em, {
      kind: 'submitted',
      obligationId: after.id,
      status: after.status,
      round: after.round,
      dueAt: after.dueAt,
    });
    const receipt: SubmissionReceipt = {
      obligationId: after.id,
      submissionId,
      period: after.period,
      round: after.round,
      kind: submission.kind,
      percentComplete: submission.percentComplete,
      status: after.status,
      submittedAt: now.toISOString(),
      dueAt: after.dueAt.toISOString(),
      late,
      attachments,
    };
    if (request.idempotencyKey) {
      await em.query(STORE_RECEIPT, [submissionId, JSON.stringify(receipt), user.id, request.idempotencyKey]);
    }
    return receipt;
  }

  /** One multi-row INSERT for all of the report's indicator values. */
  private async insertIndicatorValues(
    em: EntityManager,
    submissionId: number,
    values: IndicatorValueInput[],
  ): Promise<void> {
    if (values.length === 0) {
      return;
    }
    await em
      .createQueryBuilder()
      .insert()
      .into(SubmissionIndicatorValue)
      .values(values.map((v) => ({ submissionId, indicatorId: v.indicatorId, value: v.value })))
      .updateEntity(false)
      .execute();
  }

  /** One multi-row INSERT for the files, and one read for their ids (in the order given). */
  private async insertAttachments(
    em: EntityManager,
    submissionId: number,
    files: StoredFile[],
    now: Date,
  ): Promise<SubmissionReceipt['attachments']> {
    if (files.length === 0) {
      return [];
    }
    await em
      .createQueryBuilder()
      .insert()
      .into(SubmissionAttachment)
      .values(
        files.map((file) => ({
          submissionId,
          originalName: file.originalName,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          storagePath: file.storagePath,
          createdAt: now,
        })),
      )
      .updateEntity(false)
      .execute();
    const rows = await em.find(SubmissionAttachment, { where: { submissionId }, order: { id: 'ASC' } });
    return rows.map((a) => ({
      id: a.id,
      originalName: a.originalName,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
    }));
  }

  /** Checks every upload (extension, size, first bytes) and hashes it, before anything is stored. */
  private async prepare(uploads: UploadedAttachment[]): Promise<PreparedFile[]> {
    const prepared: PreparedFile[] = [];
    const problems: string[] = [];
    for (const upload of uploads) {
      const inspected = await this.store.inspect(upload.tempPath);
      const check = checkAttachment(upload.originalName, inspected.size, inspected.head);
      if (check.ok) {
        prepared.push({ ...upload, contentType: check.contentType, size: inspected.size, sha256: inspected.sha256 });
      } else {
        problems.push(check.reason);
      }
    }
    if (problems.length > 0) {
      throw new DomainError('VALIDATION', `附件不符合要求：${problems[0]}`, { files: problems });
    }
    return prepared;
  }

  private async replay(user: AuthUser, key: string, fingerprint: string): Promise<SubmissionReceipt | null> {
    // Through the unit of work: on SQLite that waits for a running submission instead of reading its half.
    const row = await this.unitOfWork.run((em) => em.findOneBy(IdempotencyKey, { userId: user.id, key }));
    if (!row) {
      return null;
    }
    if (row.fingerprint !== fingerprint) {
      throw new DomainError('CONFLICT', '该 Idempotency-Key 已用于另一份内容不同的报送', {
        'Idempotency-Key': ['已用于另一份内容不同的报送'],
      });
    }
    if (row.response === null) {
      throw new DomainError('CONFLICT', '相同 Idempotency-Key 的报送正在处理，请稍后重试');
    }
    return JSON.parse(row.response) as SubmissionReceipt;
  }

  private async checkIndicators(em: EntityManager, planId: number, values: IndicatorValueInput[]): Promise<void> {
    if (values.length === 0) {
      return;
    }
    const ids = values.map((v) => v.indicatorId);
    const known = new Set((await em.findBy(PlanIndicator, { id: In(ids), planId })).map((i) => i.id));
    const fields: Record<string, string[]> = {};
    values.forEach((value, index) => {
      if (!known.has(value.indicatorId)) {
        fields[`indicatorValues[${index}].indicatorId`] = [`指标 ${value.indicatorId} 不是本计划的指标`];
      }
    });
    const names = Object.keys(fields);
    if (names.length > 0) {
      throw new DomainError('VALIDATION', `${names[0]}：${fields[names[0]][0]}`, fields);
    }
  }

  /** Files this request added and no committed row points to. */
  private async removeUnreferenced(stored: StoredFile[]): Promise<void> {
    for (const file of stored.filter((f) => f.created)) {
      const referenced = await this.unitOfWork.run((em) =>
        em.existsBy(SubmissionAttachment, { storagePath: file.storagePath }),
      );
      if (!referenced) {
        await this.store.remove(file.storagePath);
      }
    }
  }
}

function assertAccepting(obligation: Pick<Obligation, 'periodStart' | 'period' | 'status'>, now: Date): void {
  if (obligation.periodStart > localDateOf(now.getTime())) {
    throw new DomainError('CONFLICT', `报送周期 ${obligation.period} 尚未开始，不能报送`);
  }
  switch (obligation.status) {
    case 'open':
    case 'returned':
      return;
    case 'submitted':
      throw new DomainError('CONFLICT', '本期已报送，正在等待审核；退回后才能重新报送');
    case 'accepted':
    case 'waived':
      throw new DomainError('CONFLICT', `报送周期 ${obligation.period} 已办结（已通过审核或已免报），不能再报送`);
    case 'cancelled':
      throw new DomainError('CONFLICT', `报送周期 ${obligation.period} 的任务已撤销，无需报送`);
  }
}

function isDuplicate(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
