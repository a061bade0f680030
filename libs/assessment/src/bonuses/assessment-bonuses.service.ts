import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainError, UnitOfWork } from '@app/core';
import { AuthUser, Unit } from '@app/org';
import { AssessmentAccess } from '../common/assessment-access';
import { MAX_REASON } from '../adjustments/result-rescoring';
import { AssessmentRun, RUN_STATUS_LABELS } from '../runs/assessment-run.entity';
import { requirePlanYear } from '../scheme/assessment-schemes.service';
import { AssessmentBonus } from './assessment-bonus.entity';

export interface BonusInput {
  planId: number;
  year: number;
  unitId: number;
  points: number;
  reason: string;
}

export interface BonusRow {
  bonus: AssessmentBonus;
  unitName: string;
}

/** The most one entry may add; the scheme's cap limits the sum per unit. */
export const MAX_BONUS_ENTRY = 20;

/**
 * 先行先试: recognised innovations, entered by the office with a reason before the draft is released. They count at
 * the next computation, capped per unit by the scheme; after release the office adjusts the score instead.
 */
@Injectable()
export class AssessmentBonuses {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AssessmentAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(planId: number, year: number): Promise<BonusRow[]> {
    const em = this.dataSource.manager;
    await requirePlanYear(em, planId, year);
    const rows = await em
      .createQueryBuilder(AssessmentBonus, 'b')
      .innerJoin(Unit, 'u', 'u.id = b.unit_id')
      .addSelect('u.name', 'unit_name')
      .where('b.plan_id = :planId AND b.year = :year', { planId, year })
      .orderBy('b.id', 'ASC')
      .getRawAndEntities<{ unit_name: string }>();
    return rows.entities.map((bonus, index) => ({ bonus, unitName: rows.raw[index].unit_name }));
  }

  async add(user: AuthUser, input: BonusInput): Promise<AssessmentBonus> {
    const reason = input.reason?.trim() ?? '';
    if (!reason) {
      throw DomainError.invalid('reason', '加分须说明认定的先行先试事项');
    }
    if (reason.length > MAX_REASON) {
      throw DomainError.invalid('reason', `长度不能超过 ${MAX_REASON} 个字符`);
    }
    const points = input.points;
    if (
      !Number.isFinite(points) ||
      points <= 0 ||
      points > MAX_BONUS_ENTRY ||
      Math.round(points * 100) !== points * 100
    ) {
      throw DomainError.invalid('points', `加分须为正数（最多两位小数），单项不超过 ${MAX_BONUS_ENTRY} 分`);
    }
    return this.unitOfWork.run(async (em) => {
      const plan = await requirePlanYear(em, input.planId, input.year);
      const government = await em.findOneByOrFail(Unit, { id: plan.governmentId });
      this.access.assertOffice(user, government);
      const unit = await em.findOneBy(Unit, { id: input.unitId });
      if (!unit || !unit.path.startsWith(government.path)) {
        throw DomainError.invalid('unitId', '单位不存在或不属于该计划所属政府');
      }
      await this.assertOpen(em, plan.id, input.year);
      const bonus = await em.save(
        em.create(AssessmentBonus, {
          planId: plan.id,
          year: input.year,
          unitId: unit.id,
          points,
          reason,
          createdBy: user.id,
          createdAt: this.clock.now(),
          withdrawnAt: null,
          withdrawnBy: null,
        }),
      );
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'assessment.bonus.add',
        entityType: 'assessment_bonus',
        entityId: bonus.id,
        unitId: unit.id,
        after: { planId: plan.id, year: input.year, points, reason },
      });
      return bonus;
    });
  }

  async withdraw(user: AuthUser, bonusId: number): Promise<AssessmentBonus> {
    return this.unitOfWork.run(async (em) => {
      const bonus = await em.findOneBy(AssessmentBonus, { id: bonusId, withdrawnAt: IsNull() });
      if (!bonus) {
        throw DomainError.notFound('加分记录', bonusId);
      }
      const plan = await requirePlanYear(em, bonus.planId, bonus.year);
      this.access.assertOffice(user, await em.findOneByOrFail(Unit, { id: plan.governmentId }));
      await this.assertOpen(em, bonus.planId, bonus.year);
      const now = this.clock.now();
      await em.update(AssessmentBonus, { id: bonus.id }, { withdrawnAt: now, withdrawnBy: user.id });
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'assessment.bonus.withdraw',
        entityType: 'assessment_bonus',
        entityId: bonus.id,
        unitId: bonus.unitId,
        before: { points: bonus.points, reason: bonus.reason },
        after: { withdrawnAt: now },
      });
      return { ...bonus, withdrawnAt: now, withdrawnBy: user.id };
    });
  }

  private async assertOpen(em: EntityManager, planId: number, year: number): Promise<void> {
    const run = await em.findOneBy(AssessmentRun, { planId, year });
    if (run && run.status !== 'draft') {
      throw new DomainError(
        'CONFLICT',
        `该年度考核${RUN_STATUS_LABELS[run.status]}，不能再变更加分；请通过调整分数（或发布后的更正）办理`,
      );
    }
  }
}

function actorOf(user: AuthUser) {
  return { kind: 'user' as const, userId: user.id, username: user.username };
}
