import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork, describeActor } from '@app/core';
import { findPlanHeader, Plan } from '@app/plans';
import { DEFAULT_RETURN_WORKING_DAYS, ReportingRules } from '../periods/due-dates';
import { ReportingSetting } from './reporting-setting.entity';

/** The rule of a plan: the office's setting when there is one, else the plan's defaults from publication. */
export function rulesOf(plan: Plan, setting: ReportingSetting | null): ReportingRules {
  if (setting) {
    return {
      leadDueDay: setting.leadDueDay,
      participantDueDay: setting.participantDueDay,
      returnWorkingDays: setting.returnWorkingDays,
    };
  }
  const reporting = plan.reporting as Partial<ReportingRules>;
  return {
    leadDueDay: reporting.leadDueDay ?? 3,
    participantDueDay: reporting.participantDueDay ?? 1,
    returnWorkingDays: reporting.returnWorkingDays ?? DEFAULT_RETURN_WORKING_DAYS,
  };
}

@Injectable()
export class ReportingSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async rules(plan: Plan, manager: EntityManager = this.dataSource.manager): Promise<ReportingRules> {
    return rulesOf(plan, await manager.findOneBy(ReportingSetting, { planId: plan.id }));
  }

  async get(planId: number): Promise<ReportingRules> {
    return this.rules(await this.plan(planId, this.dataSource.manager));
  }

  /** Applies to periods opened from now on; obligations already open keep their due dates. */
  async update(actor: Actor, planId: number, patch: Partial<ReportingRules>): Promise<ReportingRules> {
    return this.unitOfWork.run(async (em) => {
      const plan = await this.plan(planId, em);
      const before = await this.rules(plan, em);
      const after: ReportingRules = { ...before, ...definedOnly(patch) };
      await em.save(ReportingSetting, {
        planId,
        ...after,
        updatedBy: describeActor(actor),
        updatedAt: this.clock.now(),
      });
      await this.audit.record(em, {
        actor,
        action: 'reporting.settings.update',
        entityType: 'plan',
        entityId: planId,
        unitId: plan.governmentId,
        before,
        after,
      });
      return after;
    });
  }

  private async plan(planId: number, manager: EntityManager): Promise<Plan> {
    const plan = await findPlanHeader(manager, planId);
    if (!plan) {
      throw DomainError.notFound('计划', planId);
    }
    return plan;
  }
}

function definedOnly(patch: Partial<ReportingRules>): Partial<ReportingRules> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
