import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Obligation, ObligationEvent } from '@app/reporting';
import { obligationWorkflowId, WorkflowCommands, type ReportingObligationInput } from '@app/workflows';
import { PlanLadderReader } from './plan-ladder/plan-ladder.reader';

const WORKFLOW_TYPE = 'reportingObligationWorkflow';

/**
 * In Temporal mode, what the embedded scheduler does with timers: each change to an obligation records, in its own
 * transaction, the start or signal for the obligation's workflow (`obligation:{id}`); the relay delivers it after
 * commit. Signal ids derive from the round, so a redelivered signal is recognised by the workflow.
 */
@Injectable()
export class TemporalObligationCommands {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly ladders: PlanLadderReader,
  ) {}

  async onObligationEvent(em: EntityManager, event: ObligationEvent): Promise<void> {
    if (event.kind === 'opened') {
      await this.startOpened(em, event.planId, event.periods);
      return;
    }
    const workflowId = obligationWorkflowId(String(event.obligationId));
    const submissionId = `${event.obligationId}:r${event.round}`;
    const signal = (signalName: string, arg: object) =>
      this.commands.record(em, { kind: 'signal', workflowId, signalName, args: [arg] });
    switch (event.kind) {
      case 'submitted':
        await signal('submitted', { submissionId });
        return;
      case 'returned':
        // The return starts round + 1; the submission it answers belongs to the previous round.
        await signal('returned', {
          submissionId: `${event.obligationId}:r${event.round - 1}`,
          newDueAt: event.dueAt.getTime(),
        });
        return;
      case 'accepted':
        await signal('accepted', { submissionId });
        return;
      case 'waived':
        await signal('waived', { reason: '领导小组办公室免报' });
        return;
      case 'deadlineChanged':
        await signal('deadlineChanged', { dueAt: event.dueAt.getTime() });
        return;
      case 'cancelled':
        // A withdrawn task is a workflow cancellation: the workflow stops where it is and reads `cancelled`.
        await this.commands.record(em, { kind: 'cancel', workflowId });
        return;
    }
  }

  private async startOpened(em: EntityManager, planId: number, periods: string[]): Promise<void> {
    if (periods.length === 0) {
      return;
    }
    const waiting = await em.findBy(Obligation, { planId, period: In(periods), status: In(['open', 'returned']) });
    const ladder = await this.ladders.forPlan(em, planId);
    for (const o of waiting) {
      const input: ReportingObligationInput = {
        obligation: {
          id: String(o.id),
          unitId: String(o.unitId),
          taskId: String(o.taskId),
          period: o.period,
          dueAt: o.dueAt.getTime(),
          openedAt: o.createdAt.getTime(),
        },
        // Asked again by the workflow (`checkPreviousPeriod`) once its own due date has passed.
        previousPeriodOverdue: false,
        ...(ladder ? { ladder } : {}),
      };
      await this.commands.record(em, {
        kind: 'start',
        workflowId: obligationWorkflowId(String(o.id)),
        workflowType: WORKFLOW_TYPE,
        args: [input],
      });
    }
  }
}
