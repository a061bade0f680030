import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  assessmentWorkflowId,
  TEMPORAL_WORKER_COMPONENT,
  WorkflowCommands,
  type AppealFiledSignal,
  type AppealResolvedSignal,
  type AssessmentReviewedSignal,
  type YearEndAssessmentInput,
} from '@app/workflows';
import type { AssessmentRun } from '../runs/assessment-run.entity';
import type { AssessmentChange } from './assessment-hooks';

export const ASSESSMENT_WORKFLOW_TYPE = 'yearEndAssessmentWorkflow';

/**
 * In Temporal mode, the run's human steps reach its workflow (`assessment:{planId}:{year}`, one per run as the run
 * is one per plan and year) through the outbox, in the transaction of the step: creating the run starts it, the
 * release (the office's approval of the draft, with its appeal deadline), each appeal and its decision, and the
 * publication signal it. Steps the workflow's own activities take (actor `system:temporal`) need no signal.
 * Recomputing a draft is not signalled: the workflow asks for a review of the drafts it scores itself, and the run
 * in the database is what the office releases.
 */
@Injectable()
export class TemporalAssessmentCommands {
  constructor(private readonly commands: WorkflowCommands) {}

  async onAssessmentChange(em: EntityManager, change: AssessmentChange): Promise<void> {
    if (change.actor.kind === 'system' && change.actor.component === TEMPORAL_WORKER_COMPONENT) {
      return;
    }
    const { run } = change;
    switch (change.kind) {
      case 'started': {
        const input: YearEndAssessmentInput = { planId: String(run.planId), year: run.year };
        await this.commands.record(em, {
          kind: 'start',
          workflowId: workflowIdOf(run),
          workflowType: ASSESSMENT_WORKFLOW_TYPE,
          args: [input],
        });
        return;
      }
      case 'released': {
        const review: AssessmentReviewedSignal = {
          approved: true,
          ...(run.appealDeadline ? { appealDeadline: run.appealDeadline.getTime() } : {}),
        };
        await this.signal(em, run, 'assessmentReviewed', review);
        return;
      }
      case 'appealFiled': {
        const filed: AppealFiledSignal = { appealId: String(change.appeal.id), unitId: String(change.appeal.unitId) };
        await this.signal(em, run, 'appealFiled', filed);
        return;
      }
      case 'appealDecided': {
        const resolved: AppealResolvedSignal = {
          appealId: String(change.appeal.id),
          rescored: change.appeal.status === 'accepted',
        };
        await this.signal(em, run, 'appealResolved', resolved);
        return;
      }
      case 'published':
        await this.signal(em, run, 'publicationApproved');
        return;
    }
  }

  private signal(em: EntityManager, run: AssessmentRun, signalName: string, arg?: object): Promise<void> {
    return this.commands.record(em, {
      kind: 'signal',
      workflowId: workflowIdOf(run),
      signalName,
      args: arg === undefined ? [] : [arg],
    });
  }
}

function workflowIdOf(run: AssessmentRun): string {
  return assessmentWorkflowId(String(run.planId), run.year);
}
