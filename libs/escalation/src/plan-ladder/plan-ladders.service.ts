import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork, describeActor } from '@app/core';
import { findPlanHeader, Plan } from '@app/plans';
import { LadderReplanner } from './ladder-replanner';
import { PlanLadder, planLadderProblems } from './plan-ladder-rules';
import { PlanLadderSetting } from './plan-ladder.entity';
import { PlanLadderReader, PlanLadderState } from './plan-ladder.reader';

export interface PlanLadderUpdate extends PlanLadderState {
  /** Waiting obligations and open cases whose next step was planned again with the new ladder. */
  readonly replanned: number;
}

/**
 * The office's ladder per plan (督办规则). A change applies to every step not yet issued, including those of
 * obligations already open (see `LadderReplanner`); nothing issued is undone.
 */
@Injectable()
export class PlanLadders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly reader: PlanLadderReader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly replanner: LadderReplanner,
  ) {}

  async get(planId: number): Promise<PlanLadderState> {
    const em = this.dataSource.manager;
    await this.plan(em, planId);
    return this.reader.state(em, planId);
  }

  /** Fields left out keep their value; a bad value refuses the whole change, naming every bad field. */
  async update(actor: Actor, planId: number, patch: Partial<PlanLadder>): Promise<PlanLadderUpdate> {
    return this.unitOfWork.run(async (em) => {
      const plan = await this.plan(em, planId);
      const before = await this.reader.state(em, planId);
      const after: PlanLadder = { ...before.ladder, ...definedOnly(patch) };
      const problems = planLadderProblems(after);
      const names = Object.keys(problems);
      if (names.length > 0) {
        const message = names.map((name) => `${name}：${problems[name].join('，')}`).join('；');
        throw new DomainError('VALIDATION', message, problems);
      }
      const updatedBy = describeActor(actor);
      const updatedAt = this.clock.now();
      await em.save(PlanLadderSetting, { planId, ...after, updatedBy, updatedAt });
      const replanned = await this.replanner.replan(em, planId);
      await this.audit.record(em, {
        actor,
        action: 'escalation.ladder.update',
        entityType: 'plan',
        entityId: planId,
        unitId: plan.governmentId,
        before: { ...before.ladder, custom: before.custom },
        after: { ...after, replanned },
      });
      return { planId, ladder: after, custom: true, updatedBy, updatedAt, replanned };
    });
  }

  private async plan(em: EntityManager, planId: number): Promise<Plan> {
    const plan = await findPlanHeader(em, planId);
    if (!plan) {
      throw DomainError.notFound('计划', planId);
    }
    return plan;
  }
}

function definedOnly(patch: Partial<PlanLadder>): Partial<PlanLadder> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
