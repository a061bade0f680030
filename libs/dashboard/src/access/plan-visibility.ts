import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/core';
import { AccessScope, scopeCovers, Unit } from '@app/org';
import { Plan } from '@app/plans';

/**
 * Who may look at a plan's figures: the office, supervisors and leaders whose government's subtree holds the plan's
 * government, or holds a unit the plan was assigned to (a county office sees its units' part of a city plan);
 * a unit, when the plan was assigned to it. What they then see is always cut down to their scope.
 */
@Injectable()
export class PlanVisibility {
  constructor(private readonly dataSource: DataSource) {}

  async assertVisible(scope: AccessScope, planId: number): Promise<Plan> {
    const em = this.dataSource.manager;
    const plan = await em.findOneBy(Plan, { id: planId });
    if (!plan) {
      throw DomainError.notFound('计划', planId);
    }
    if (scope.kind === 'all') {
      return plan;
    }
    const government = await em.findOneByOrFail(Unit, { id: plan.governmentId });
    if (scopeCovers(scope, government) && scope.kind === 'subtree') {
      return plan;
    }
    const assigned = await em.query<unknown[]>(
      scope.kind === 'subtree'
        ? 'SELECT 1 FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.plan_id = ? AND u.path LIKE ? LIMIT 1'
        : 'SELECT 1 FROM assignment a WHERE a.plan_id = ? AND a.unit_id = ? LIMIT 1',
      [planId, scope.kind === 'subtree' ? `${scope.rootPath}%` : scope.unitId],
    );
    if (assigned.length === 0) {
      throw new DomainError('FORBIDDEN', '该计划不在您的管辖范围内');
    }
    return plan;
  }
}
