import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainError, UnitOfWork, formatShanghai } from '@app/core';
import { AuthUser, Unit } from '@app/org';
import { Plan } from '@app/plans';
import { AssessmentAdjustments } from '../adjustments/assessment-adjustments.service';
import { checkedAdjustment, MAX_REASON } from '../adjustments/result-rescoring';
import { AssessmentAccess } from '../common/assessment-access';
import { AssessmentNotices } from '../common/assessment-notices';
import { AssessmentResult } from '../runs/assessment-result.entity';
import { AssessmentRun } from '../runs/assessment-run.entity';
import { assertStatus } from '../runs/assessment-runs.service';
import type { AppealRow } from '../queries/assessment-queries';
import { AssessmentHooks } from '../workflow/assessment-hooks';
import { AssessmentAppeal } from './assessment-appeal.entity';

export const MAX_APPEAL_TEXT = 5000;
export const MAX_APPEAL_ATTACHMENTS = 20;

export interface AppealInput {
  text: string;
  /** References to supporting files (attachment numbers), as in supervision. */
  attachments?: string[];
}

export type AppealDecisionInput =
  { decision: 'accept'; points: number; reason: string } | { decision: 'reject'; reason: string };

/**
 * 申诉: while the draft is released and the window is open, a unit (liaison or head) contests its own result; one
 * appeal at a time. The office decides each: accept with an adjustment of the score, or reject with a reason.
 */
@Injectable()
export class AssessmentAppeals {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AssessmentAccess,
    private readonly adjustments: AssessmentAdjustments,
    private readonly notices: AssessmentNotices,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hooks: AssessmentHooks,
  ) {}

  async file(user: AuthUser, resultId: number, input: AppealInput): Promise<AppealRow> {
    const text = input.text?.trim() ?? '';
    if (!text) {
      throw DomainError.invalid('text', '请填写申诉理由');
    }
    if (text.length > MAX_APPEAL_TEXT) {
      throw DomainError.invalid('text', `长度不能超过 ${MAX_APPEAL_TEXT} 个字符`);
    }
    const attachments = (input.attachments ?? []).map((a) => a.trim()).filter(Boolean);
    if (attachments.length > MAX_APPEAL_ATTACHMENTS) {
      throw DomainError.invalid('attachments', `最多 ${MAX_APPEAL_ATTACHMENTS} 项`);
    }
    return this.unitOfWork.run(async (em) => {
      const result = await this.result(em, resultId);
      this.access.assertUnitMember(user, result.unitId);
      const run = await em.findOneByOrFail(AssessmentRun, { id: result.runId });
      if (run.status === 'draft') {
        throw new DomainError('FORBIDDEN', '考核初评结果尚未公示');
      }
      assertStatus(run, ['released'], '申诉');
      const now = this.clock.now();
      const deadline = run.appealDeadline as Date;
      if (now.getTime() > deadline.getTime()) {
        throw new DomainError('CONFLICT', `申诉期已于 ${formatShanghai(deadline)} 截止，不再受理申诉`);
      }
      if (!result.isCurrent) {
        throw new DomainError('CONFLICT', '该结果已有更新的版本，请刷新后重试');
      }
      if (await em.existsBy(AssessmentAppeal, { runId: run.id, unitId: result.unitId, status: 'pending' })) {
        throw new DomainError('CONFLICT', '本单位已有待处理的申诉，请等待办公室处理后再提出');
      }
      const appeal = await em.save(
        em.create(AssessmentAppeal, {
          runId: run.id,
          unitId: result.unitId,
          resultId: result.id,
          text,
          attachments,
          status: 'pending',
          filedBy: user.id,
          filedAt: now,
          decisionReason: null,
          decidedBy: null,
          decidedAt: null,
          adjustmentId: null,
        }),
      );
      const plan = await em.findOneByOrFail(Plan, { id: run.planId });
      const unit = await em.findOneByOrFail(Unit, { id: result.unitId });
      await this.notices.appealFiled(em, plan, appeal, unit.name);
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'assessment.appeal.file',
        entityType: 'assessment_appeal',
        entityId: appeal.id,
        unitId: result.unitId,
        after: { runId: run.id, resultId: result.id, total: result.total, text, attachments },
      });
      await this.hooks.emit(em, { kind: 'appealFiled', run, appeal, actor: actorOf(user) });
      return { appeal, unitName: unit.name };
    });
  }

  /** Decided while the run is released, also after the window closed (publication waits for every decision). */
  async decide(user: AuthUser, appealId: number, input: AppealDecisionInput): Promise<AppealRow> {
    const reason = input.reason?.trim() ?? '';
    if (!reason) {
      throw DomainError.invalid(
        'reason',
        input.decision === 'accept' ? '采纳申诉须说明调整理由' : '不予采纳须说明理由',
      );
    }
    if (reason.length > MAX_REASON) {
      throw DomainError.invalid('reason', `长度不能超过 ${MAX_REASON} 个字符`);
    }
    const adjustment = input.decision === 'accept' ? checkedAdjustment({ points: input.points, reason }) : null;
    return this.unitOfWork.run(async (em) => {
      const appeal = await em.findOneBy(AssessmentAppeal, { id: appealId });
      if (!appeal) {
        throw DomainError.notFound('申诉', appealId);
      }
      const run = await em.findOneByOrFail(AssessmentRun, { id: appeal.runId });
      this.access.assertOffice(user, (await this.access.government(em, run)).government);
      assertStatus(run, ['released'], '处理申诉');
      if (appeal.status !== 'pending') {
        throw new DomainError('CONFLICT', '该申诉已处理');
      }
      const now = this.clock.now();
      let adjustmentId: number | null = null;
      let total: number | null = null;
      if (adjustment) {
        const result = await em.findOneByOrFail(AssessmentResult, {
          runId: run.id,
          unitId: appeal.unitId,
          isCurrent: true,
        });
        adjustmentId = (await this.adjustments.record(em, user, run, result, 'appeal', adjustment, appeal.id)).id;
        total = (await this.adjustments.applyInPlace(em, run, result)).total;
      }
      const status = adjustment ? 'accepted' : 'rejected';
      const changed = await em
        .createQueryBuilder()
        .update(AssessmentAppeal)
        .set({ status, decisionReason: reason, decidedBy: user.id, decidedAt: now, adjustmentId })
        .where('id = :id AND status = :pending', { id: appeal.id, pending: 'pending' })
        .execute();
      if (changed.affected !== 1) {
        throw new DomainError('CONFLICT', '该申诉已被他人处理，请刷新后重试');
      }
      const after: AssessmentAppeal = {
        ...appeal,
        status,
        decisionReason: reason,
        decidedBy: user.id,
        decidedAt: now,
        adjustmentId,
      };
      await this.notices.appealDecided(em, after);
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'assessment.appeal.decide',
        entityType: 'assessment_appeal',
        entityId: appeal.id,
        unitId: appeal.unitId,
        before: { status: appeal.status },
        after: { status, reason, adjustmentId, points: adjustment?.points ?? null, total },
      });
      await this.hooks.emit(em, { kind: 'appealDecided', run, appeal: after, actor: actorOf(user) });
      const unit = await em.findOneByOrFail(Unit, { id: appeal.unitId });
      return { appeal: after, unitName: unit.name };
    });
  }

  private async result(em: EntityManager, resultId: number): Promise<AssessmentResult> {
    const result = await em.findOneBy(AssessmentResult, { id: resultId });
    if (!result) {
      throw DomainError.notFound('考核结果', resultId);
    }
    return result;
  }
}

function actorOf(user: AuthUser) {
  return { kind: 'user' as const, userId: user.id, username: user.username };
}
