import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainError, UnitOfWork } from '@app/core';
import { AuthUser, Unit } from '@app/org';
import { getPlanHeader, PlanIndicator, Task } from '@app/plans';
import { localDateOf } from '@app/workflows';
import { checkAttachment, MAX_ATTACHMENTS } from '../attachments/attachment-policy';
import { AttachmentStore } from '../attachments/attachment-store';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { ReportingNotices } from '../notices/reporting-notices';
import { ObligationAccess } from '../obligations/obligation-access';
import { Obligation, ObligationStatus } from '../obligations/obligation.entity';
import { ReportingHooks } from '../reporting-hooks';
import {
  checkSubmissionInput,
  IndicatorValueInput,
  submissionFingerprint,
  SubmissionInput,
  UploadedAttachment,
} from './submission-input';
import { Submission, SubmissionAttachment, SubmissionIndicatorValue, SubmissionKind } from './submission.entity';

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

const ACCEPTING: ReadonlyArray<ObligationStatus> = ['open', 'returned'];

/**
 * 报送: a unit's report for one obligation. Everything a user can get wrong is checked before anything is
 * written; the files are moved into place just before the transaction and removed again if it fails.
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
      if (idempotencyKey) {
        const replay = await this.replay(user, idempotencyKey, fingerprint);
        if (replay) {
          return replay;
        }
      }
      const now = this.clock.now();
      await this.unitOfWork.run(async (em) => {
        const obligation = await this.obligation(em, obligationId);
        this.access.assertCanSubmit(user, obligation);
        assertAccepting(obligation, now);
        await this.checkIndicators(em, obligation.planId, input.indicatorValues ?? []);
      });
      const stored: StoredFile[] = [];
      try {
        for (const file of files) {
          stored.push({ ...file, ...(await this.store.put(file.tempPath, file.sha256, now)) });
        }
        return await this.unitOfWork.run((em) =>
          this.record(em, { user, obligationId, input, files: stored, idempotencyKey, fingerprint, now }),
        );
      } catch (error) {
        await this.removeUnreferenced(stored);
        if (isDuplicate(error)) {
          // A concurrent request won the race: the same key replays its answer, anything else is a second report.
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
      files: StoredFile[];
      idempotencyKey?: string;
      fingerprint: string;
      now: Date;
    },
  ): Promise<SubmissionReceipt> {
    const { user, input, files, now } = request;
    let keyRow: IdempotencyKey | null = null;
    if (request.idempotencyKey) {
      // Written first: a concurrent request with the same key waits on the unique index, then replays.
      keyRow = await em.save(IdempotencyKey, {
        userId: user.id,
        key: request.idempotencyKey,
        fingerprint: request.fingerprint,
        obligationId: request.obligationId,
        submissionId: null,
        response: null,
        createdAt: now,
      });
    }
    const before = await this.obligation(em, request.obligationId);
    assertAccepting(before, now);
    const late = now.getTime() > before.dueAt.getTime();
    const percent = input.percentComplete ?? null;
    const submission = await em.save(Submission, {
      obligationId: before.id,
      round: before.round,
      kind: input.kind,
      progressText: input.progressText?.trim() || null,
      percentComplete: percent,
      declaresComplete: input.kind === 'progress' && percent === 100,
      submittedBy: user.id,
      submittedAt: now,
      late,
      status: 'pending',
    });
    for (const value of input.indicatorValues ?? []) {
      await em.insert(SubmissionIndicatorValue, {
        submissionId: submission.id,
        indicatorId: value.indicatorId,
        value: value.value,
      });
    }
    const attachments: SubmissionAttachment[] = [];
    for (const file of files) {
      attachments.push(
        await em.save(SubmissionAttachment, {
          submissionId: submission.id,
          originalName: file.originalName,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          storagePath: file.storagePath,
          createdAt: now,
        }),
      );
    }
    const updated = await em
      .createQueryBuilder()
      .update(Obligation)
      .set({ status: 'submitted', currentSubmissionId: submission.id, submittedAt: now, late, updatedAt: now })
      .where('id = :id AND round = :round AND status IN (:...accepting)', {
        id: before.id,
        round: before.round,
        accepting: ACCEPTING,
      })
      .execute();
    if (updated.affected !== 1) {
      throw new DomainError('CONFLICT', '本期已报送，正在等待审核；退回后才能重新报送');
    }
    const after: Obligation = {
      ...before,
      status: 'submitted',
      currentSubmissionId: submission.id,
      submittedAt: now,
      late,
      updatedAt: now,
    };
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
        submissionId: submission.id,
        kind: submission.kind,
        percentComplete: submission.percentComplete,
        late,
        attachments: attachments.map((a) => a.sha256),
      },
    });
    await this.notices.submitted(em, {
      obligation: after,
      plan: await getPlanHeader(em, after.planId),
      task: await em.findOneByOrFail(Task, { id: after.taskId }),
      unit: await em.findOneByOrFail(Unit, { id: after.unitId }),
      submission,
    });
    await this.hooks.emit(em, {
      kind: 'submitted',
      obligationId: after.id,
      status: after.status,
      round: after.round,
      dueAt: after.dueAt,
    });
    const receipt: SubmissionReceipt = {
      obligationId: after.id,
      submissionId: submission.id,
      period: after.period,
      round: after.round,
      kind: submission.kind,
      percentComplete: submission.percentComplete,
      status: after.status,
      submittedAt: now.toISOString(),
      dueAt: after.dueAt.toISOString(),
      late,
      attachments: attachments.map((a) => ({
        id: a.id,
        originalName: a.originalName,
        contentType: a.contentType,
        size: a.size,
        sha256: a.sha256,
      })),
    };
    if (keyRow) {
      await em.update(
        IdempotencyKey,
        { id: keyRow.id },
        { submissionId: submission.id, response: JSON.stringify(receipt) },
      );
    }
    return receipt;
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

  private async obligation(em: EntityManager, id: number): Promise<Obligation> {
    const obligation = await em.findOneBy(Obligation, { id });
    if (!obligation) {
      throw DomainError.notFound('报送义务', id);
    }
    return obligation;
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

function assertAccepting(obligation: Obligation, now: Date): void {
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
  }
}

function isDuplicate(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
