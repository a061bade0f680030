import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock } from '@app/core';
import { Obligation } from '@app/reporting';
import { SupervisionCase } from '@app/supervision';
import { EmbeddedEngine } from '@app/workflows';
import { CASE_TIMER, OBLIGATION_TIMER } from '../obligation-escalation.handler';

const WAITING: ReadonlyArray<Obligation['status']> = ['open', 'returned'];

/**
 * After a plan's ladder changes, its timers already planned may be too late (a yellow warning moved from day 3 to
 * day 1) or too early. On the embedded engine every waiting obligation and open case of the plan is due at once, in
 * the transaction of the change: its handler asks the policy with the new ladder and plans its next step from there.
 * Steps already issued stay issued (their dedup keys are in the step log).
 */
@Injectable()
export class LadderReplanner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: EmbeddedEngine,
    private readonly clock: Clock,
  ) {}

  /** How many obligations and cases were re-planned. */
  async replan(em: EntityManager, planId: number): Promise<number> {
    if (this.config.workflowEngine !== 'embedded') {
      // Temporal workflows take the plan's ladder when they start (obligations opened from now on); running ones keep
      // theirs, as a `ladderChanged` signal does not exist yet.
      return 0;
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
}
