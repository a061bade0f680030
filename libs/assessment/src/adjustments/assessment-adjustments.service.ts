import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainError, UnitOfWork } from '@app/core';
import type { AuthUser } from '@app/org';
import { AssessmentAccess } from '../common/assessment-access';
import { AssessmentResult } from '../runs/assessment-result.entity';
import { AssessmentRun } from '../runs/assessment-run.entity';
import { assertStatus } from '../runs/assessment-runs.service';
import type { AdjustmentKind } from '../scoring/unit-facts';
import { AssessmentAdjustment } from './assessment-adjustment.entity';
import { checkedAdjustment, rescoredColumns } from './result-rescoring';

export interface AdjustmentInput {
  points: number;
  reason: string;
}

/**
 * The office's changes to a unit's score, each with a mandatory reason and audited in the same transaction:
 * `adjust` while the run is a draft or released (the result changes in place), `correct` once it is published (a new
 * version of the result; the published one stays as it was).
 */
@Injectable()
export class AssessmentAdjustments {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AssessmentAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async adjust(user: AuthUser, resultId: number, input: AdjustmentInput): Promise<AssessmentResult> {
    const checked = checkedAdjustment(input);
    return this.unitOfWork.run(async (em) => {
      const { run, result, governmentId } = await this.target(em, user, resultId);
      if (run.status === 'published') {
        throw new DomainError('CONFLICT', '考核结果已发布，不能直接调整；请提交更正（生成新版本）');
      }
      const adjustment = await this.record(em, user, run, result, 'adjustment', checked, null);
      const after = await this.applyInPlace(em, run, result);
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'assessment.result.adjust',
        entityType: 'assessment_result',
        entityId: result.id,
        unitId: result.unitId,
        before: { total: result.total, grade: result.grade },
        after: { total: after.total, grade: after.grade, adjustmentId: adjustment.id, ...checked, governmentId },
      });
      return after;
    });
  }

  /** 更正: a published result is never edited; the correction becomes version n + 1, and version n is kept. */
  async correct(user: AuthUser, resultId: number, input: AdjustmentInput): Promise<AssessmentResult> {
    const checked = checkedAdjustment(input);
    return this.unitOfWork.run(async (em) => {
      const { run, result } = await this.target(em, user, resultId);
      assertStatus(run, ['published'], '更正（发布前请直接调整分数）');
      const now = this.clock.now();
      const superseded = await em
        .createQueryBuilder()
        .update(AssessmentResult)
        .set({ isCurrent: false, supersededAt: now })
        .where('id = :id AND is_current = :current', { id: result.id, current: true })
        .execute();
      if (superseded.affected !== 1) {
        throw new DomainError('CONFLICT', '该结果已有更新的版本，请刷新后重试');
      }
      const version = result.version + 1;
      const adjustment = await this.record(em, user, run, { ...result, version }, 'correction', checked, null);
      const next: Omit<AssessmentResult, 'id'> = {
        ...withoutId(result),
        version,
        isCurrent: true,
        supersededAt: null,
        updatedAt: now,
      };
      const columns = await rescoredColumns(em, run, { ...result, ...next });
      const saved = await em.save(em.create(AssessmentResult, { ...next, ...columns }));
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'assessment.result.correct',
        entityType: 'assessment_result',
        entityId: saved.id,
        unitId: result.unitId,
        before: { resultId: result.id, version: result.version, total: result.total, grade: result.grade },
        after: {
          resultId: saved.id,
          version,
          total: saved.total,
          grade: saved.grade,
          adjustmentId: adjustment.id,
          ...checked,
        },
      });
      return saved;
    });
  }

  /** Adds an adjustment (also used by appeal decisions) without auditing: the caller audits its own action. */
  async record(
    em: EntityManager,
    user: AuthUser,
    run: AssessmentRun,
    result: AssessmentResult,
    kind: AdjustmentKind,
    input: AdjustmentInput,
    appealId: number | null,
  ): Promise<AssessmentAdjustment> {
    if (!result.scored) {
      throw new DomainError('CONFLICT', '该单位本年度不计分，不能调整分数');
    }
    return em.save(
      em.create(AssessmentAdjustment, {
        runId: run.id,
        unitId: result.unitId,
        kind,
        points: input.points,
        reason: input.reason,
        appealId,
        resultVersion: result.version,
        createdBy: user.id,
        createdAt: this.clock.now(),
      }),
    );
  }

  async applyInPlace(em: EntityManager, run: AssessmentRun, result: AssessmentResult): Promise<AssessmentResult> {
    const columns = await rescoredColumns(em, run, result);
    const updatedAt = this.clock.now();
    await em.update(AssessmentResult, { id: result.id }, { ...columns, updatedAt });
    return { ...result, ...columns, updatedAt };
  }

  private async target(
    em: EntityManager,
    user: AuthUser,
    resultId: number,
  ): Promise<{ run: AssessmentRun; result: AssessmentResult; governmentId: number }> {
    const result = await em.findOneBy(AssessmentResult, { id: resultId });
    if (!result) {
      throw DomainError.notFound('考核结果', resultId);
    }
    const run = await em.findOneByOrFail(AssessmentRun, { id: result.runId });
    const { government } = await this.access.government(em, run);
    this.access.assertOffice(user, government);
    if (!result.isCurrent) {
      throw new DomainError('CONFLICT', `该结果已被第 ${result.version + 1} 版取代，请在最新版本上操作`);
    }
    return { run, result, governmentId: government.id };
  }
}

function withoutId(result: AssessmentResult): Omit<AssessmentResult, 'id'> {
  const copy: Partial<AssessmentResult> = { ...result };
  delete copy.id;
  return copy as Omit<AssessmentResult, 'id'>;
}

function actorOf(user: AuthUser) {
  return { kind: 'user' as const, userId: user.id, username: user.username };
}
