import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '@app/core';
import { AuthUser, scopeCovers, Unit } from '@app/org';
import { Assignment, getPlanHeader } from '@app/plans';
import { Obligation } from './obligation.entity';

/** Who reviews a report: the office for leads and lower governments, the lead unit (or the office) for parts. */
export type ReviewerKind = 'office' | 'lead';

const UNIT_ROLES: ReadonlyArray<AuthUser['role']> = ['unit_liaison', 'unit_head'];
const OFFICE_ROLES: ReadonlyArray<AuthUser['role']> = ['office_admin', 'system_admin'];

/**
 * Jurisdiction over obligations beyond "is the unit in my scope": a lead unit also sees and reviews its
 * participants' parts of the same task, and only the office of the plan's own government reviews for the office.
 */
@Injectable()
export class ObligationAccess {
  async canSee(em: EntityManager, user: AuthUser, obligation: Obligation): Promise<boolean> {
    const unit = await em.findOneByOrFail(Unit, { id: obligation.unitId });
    if (scopeCovers(user.scope, unit)) {
      return true;
    }
    return obligation.role === 'participant' && (await this.isLeadOf(em, user, obligation));
  }

  async assertCanSee(em: EntityManager, user: AuthUser, obligation: Obligation): Promise<void> {
    if (!(await this.canSee(em, user, obligation))) {
      throw new DomainError('FORBIDDEN', '该报送不在您的管辖范围内');
    }
  }

  /** Submitting is for the liaison or head of the obligation's own unit. */
  assertCanSubmit(user: AuthUser, obligation: Pick<Obligation, 'unitId'>): void {
    if (!UNIT_ROLES.includes(user.role) || user.unitId !== obligation.unitId) {
      throw new DomainError('FORBIDDEN', '只有本单位的联络员或负责人可以报送');
    }
  }

  async reviewerKind(em: EntityManager, user: AuthUser, obligation: Obligation): Promise<ReviewerKind | null> {
    if (OFFICE_ROLES.includes(user.role)) {
      const plan = await getPlanHeader(em, obligation.planId);
      const government = await em.findOneByOrFail(Unit, { id: plan.governmentId });
      return scopeCovers(user.scope, government) ? 'office' : null;
    }
    if (obligation.role === 'participant' && (await this.isLeadOf(em, user, obligation))) {
      return 'lead';
    }
    return null;
  }

  async assertCanReview(em: EntityManager, user: AuthUser, obligation: Obligation): Promise<ReviewerKind> {
    const kind = await this.reviewerKind(em, user, obligation);
    if (!kind) {
      throw new DomainError(
        'FORBIDDEN',
        obligation.role === 'participant'
          ? '参与单位的报送由牵头单位或领导小组办公室审核'
          : '只有该计划所属政府的领导小组办公室可以审核',
      );
    }
    return kind;
  }

  private async isLeadOf(em: EntityManager, user: AuthUser, obligation: Obligation): Promise<boolean> {
    if (!UNIT_ROLES.includes(user.role)) {
      return false;
    }
    return em.existsBy(Assignment, { taskId: obligation.taskId, unitId: user.unitId, role: 'lead' });
  }
}
