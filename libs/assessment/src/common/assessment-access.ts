import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '@app/core';
import { AuthUser, Role, scopeCovers, Unit } from '@app/org';
import { Plan } from '@app/plans';
import type { AssessmentRun } from '../runs/assessment-run.entity';

const OFFICE_ROLES: readonly Role[] = ['system_admin', 'office_admin'];
const OVERSIGHT_ROLES: readonly Role[] = ['system_admin', 'office_admin', 'supervisor'];

/**
 * Who sees and changes what, beyond the guard's "is the unit in my scope":
 * - the office of the plan's own government (and the system admin) runs the assessment and sees every stage;
 *   supervisors of that government read it;
 * - leaders read published results and rankings only;
 * - a unit (liaison, head, or an office below the plan's government looking at its own units) reads its own result
 *   once the draft is released, and only its own.
 */
@Injectable()
export class AssessmentAccess {
  async government(em: EntityManager, run: AssessmentRun): Promise<{ plan: Plan; government: Unit }> {
    const plan = await em.findOneByOrFail(Plan, { id: run.planId });
    return { plan, government: await em.findOneByOrFail(Unit, { id: plan.governmentId }) };
  }

  /** The office acts for the plan's government: a county office cannot adjust a city plan's results. */
  assertOffice(user: AuthUser, government: Unit): void {
    if (!OFFICE_ROLES.includes(user.role) || !scopeCovers(user.scope, government)) {
      throw new DomainError('FORBIDDEN', '只有该计划所属政府的领导小组办公室可以办理考核');
    }
  }

  /** Whole-run reads (all units, rankings). */
  assertCanReadRun(user: AuthUser, run: AssessmentRun, government: Unit): void {
    if (!scopeCovers(user.scope, government)) {
      throw new DomainError('FORBIDDEN', '该考核不在您的管辖范围内');
    }
    if (OVERSIGHT_ROLES.includes(user.role)) {
      return;
    }
    if (user.role === 'leader') {
      if (run.status !== 'published') {
        throw new DomainError('FORBIDDEN', '考核结果尚未发布，领导可查看已发布的结果和排名');
      }
      return;
    }
    throw new DomainError('FORBIDDEN', '责任单位只能查看本单位的考核结果');
  }

  /** One unit's result. */
  assertCanReadResult(user: AuthUser, run: AssessmentRun, government: Unit, unit: Unit): void {
    if (scopeCovers(user.scope, government) && OVERSIGHT_ROLES.includes(user.role)) {
      return;
    }
    if (!scopeCovers(user.scope, unit)) {
      throw new DomainError('FORBIDDEN', '只能查看本单位的考核结果');
    }
    if (user.role === 'leader' && run.status !== 'published') {
      throw new DomainError('FORBIDDEN', '考核结果尚未发布，领导可查看已发布的结果和排名');
    }
    if (run.status === 'draft') {
      throw new DomainError('FORBIDDEN', '考核初评结果尚未公示');
    }
  }

  /** 申诉 is the unit's own act: its liaison or head. */
  assertUnitMember(user: AuthUser, unitId: number): void {
    if ((user.role !== 'unit_liaison' && user.role !== 'unit_head') || user.unitId !== unitId) {
      throw new DomainError('FORBIDDEN', '只有本单位的联络员或负责人可以申诉');
    }
  }
}
