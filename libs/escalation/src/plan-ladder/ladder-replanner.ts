import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock } from '@app/core';
import { Obligation } from '@app/reporting';
import { SupervisionCase } from '@app/supervision';
import { EmbeddedEngine, obligationWorkflowId, WorkflowCommands } from '@app/workflows';
import { CASE_TIMER, OBLIGATION_TIMER } from '../obligation-escalation.handler';
import { PlanLadderReader } from './plan-ladder.reader';

const WAITING: ReadonlyArray<Obligation['status']> = ['open', 'returned'];
/** A submitted report's workflow is still running: a return would restart its ladder. */
const RUNNING: ReadonlyArray<Obligation['status']> = [...WAITING, 'submitted'];

/**
 * After a plan's ladder changes, its timers already planned may be too late (a yellow warning moved from day 3 to
 * day 1) or too early. On the embedded engine every waiting obligation and open case of the plan is due at once, in
 * the transaction of the change: its handler asks the policy with the new ladder and plans its next step from there.
 * Steps already issued stay issued (their dedup keys are in the step log). On Temporal every running obligation
 * workflow of the plan gets a `ladderChanged` signal through the command outbox, delivered after commit; case
 * workflows take no ladder.
 */
@Injectable()
export class LadderReplanner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: EmbeddedEngine,
    private readonly commands: WorkflowCommands,
    private readonly ladders: PlanLadderReader,
    private readonly clock: Clock,
  ) {}

  /** How many obligations and cases were re-planned (on Temporal: obligation workflows signalled). */
  async replan(em: EntityManager, planId: number): Promise<number> {
    if (this.config.workflowEngine !== 'embedded') {
      return this.signalWorkflows(em, planId);
    }
    const now = this.clock.now();
    const obligations = await em.find(Obligation, {
      select: { id: true },
      where: { planId, status: In([...WAITING]) },
    });
    for (const { id } of obligations) {
      await this.engine.schedule(em, OBLIGATION_TIMER, id, now);
    }
    const cases = await em.find(SupervisionCase, { select: { id: true }, where: { planId, status: Not('closed') } });
    for (const { id } of cases) {
      await this.engine.schedule(em, CASE_TIMER, id, now);
    }
    return obligations.length + cases.length;
  }

  private async signalWorkflows(em: EntityManager, planId: number): Promise<number> {
    const ladder = (await this.ladders.forPlan(em, planId)) ?? null;
    const obligations = await em.find(Obligation, {
      select: { id: true },
      where: { planId, status: In([...RUNNING]) },
      order: { id: 'ASC' },
    });
    for (const { id } of obligations) {
      await this.commands.record(em, {
        kind: 'signal',
        workflowId: obligationWorkflowId(String(id)),
        signalName: 'ladderChanged',
        args: [{ ladder }],
      });
    }
    return obligations.length;
  }
}
