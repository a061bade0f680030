import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '@app/core';
import { Obligation, ObligationEvent, snapshotOf } from '@app/reporting';
import { EmbeddedEngine, WorkingCalendarProvider, nextEscalationStep } from '@app/workflows';
import { OBLIGATION_TIMER } from './obligation-escalation.handler';
import { PlanLadderReader } from './plan-ladder/plan-ladder.reader';

/**
 * Keeps each obligation's timer in step with its state, inside the transaction that changed it: a new obligation
 * waits for its first reminder, a submission, acceptance, waiver or cancellation stops the ladder, a return restarts
 * it from the new due date, a deadline change moves what is still to come. Nothing already issued is undone.
 */
@Injectable()
export class EscalationScheduler {
  constructor(
    private readonly engine: EmbeddedEngine,
    private readonly calendars: WorkingCalendarProvider,
    private readonly clock: Clock,
    private readonly ladders: PlanLadderReader,
  ) {}

  async onObligationEvent(em: EntityManager, event: ObligationEvent): Promise<void> {
    switch (event.kind) {
      case 'opened':
        await this.scheduleOpened(em, event.planId, event.periods);
        return;
      case 'returned':
      case 'deadlineChanged':
        // The handler asks the policy again at once: the new round or the new date decides the next step.
        await this.engine.schedule(em, OBLIGATION_TIMER, event.obligationId, this.clock.now());
        return;
      case 'submitted':
      case 'accepted':
      case 'waived':
      case 'cancelled':
        await this.engine.cancel(em, OBLIGATION_TIMER, event.obligationId);
        return;
    }
  }

  private async scheduleOpened(em: EntityManager, planId: number, periods: string[]): Promise<void> {
    if (periods.length === 0) {
      return;
    }
    const calendar = this.calendars.calendar();
    const now = this.clock.now().getTime();
    const waiting = await em.findBy(Obligation, { planId, period: In(periods), status: In(['open', 'returned']) });
    const ladder = await this.ladders.forPlan(em, planId);
    for (const obligation of waiting) {
      // The first rung only; the handler asks the policy again (with the previous period's outcome) when it runs.
      const first = nextEscalationStep({
        obligation: snapshotOf(obligation),
        history: [],
        previousPeriodOverdue: false,
        calendar,
        ladder,
        now,
      });
      if (first.type === 'step') {
        await this.engine.schedule(em, OBLIGATION_TIMER, obligation.id, new Date(first.step.fireAt));
      }
    }
  }
}
