import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Interview, InterviewsService, SupervisionChange } from '@app/supervision';
import {
  interviewWorkflowId,
  supervisionCaseWorkflowId,
  WorkflowCommands,
  type InterviewWorkflowInput,
} from '@app/workflows';

export const INTERVIEW_WORKFLOW_TYPE = 'interviewWorkflow';

/** An interview's workflow input: its current appointment, whose invitation has gone out already. */
export async function interviewWorkflowInput(
  em: EntityManager,
  interviews: InterviewsService,
  interview: Interview,
): Promise<InterviewWorkflowInput> {
  return {
    interviewId: String(interview.id),
    ...(interview.caseId !== null ? { caseId: String(interview.caseId) } : {}),
    unitId: String(interview.unitId),
    appointment: {
      startsAt: interview.startsAt.getTime(),
      place: interview.place,
      version: await interviews.appointmentOf(em, interview.id),
    },
  };
}

/**
 * In Temporal mode, what the people working a case or an interview tell its workflow, recorded in the outbox in
 * the transaction of the change: the closure request and the verification (`supervision:{caseId}`), an interview
 * arranged by hand (started), moved, held or cancelled (`interview:{interviewId}`). Only cases the ladder opened
 * have a workflow (a case opened by hand calls no interview, as on the embedded engine); an interview the ladder
 * called is started by its case's workflow. Closing an interview needs no signal: it was held first, which ended
 * its workflow.
 */
@Injectable()
export class TemporalSupervisionCommands {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly interviews: InterviewsService,
  ) {}

  async onSupervisionChange(em: EntityManager, change: SupervisionChange): Promise<void> {
    switch (change.kind) {
      case 'caseClosureRequested': {
        const { supervisionCase } = change;
        if (supervisionCase.dedupKey !== null) {
          await this.signalCase(em, supervisionCase.id, 'caseClosureRequested', {
            requestId: `${supervisionCase.id}:${supervisionCase.updatedAt.getTime()}`,
          });
        }
        return;
      }
      case 'caseVerified': {
        const { supervisionCase, approved, note } = change;
        if (supervisionCase.dedupKey !== null) {
          await this.signalCase(em, supervisionCase.id, 'caseVerified', { approved, ...(note ? { note } : {}) });
        }
        return;
      }
      case 'interviewScheduled':
        if (change.interview.dedupKey === null) {
          await this.commands.record(em, {
            kind: 'start',
            workflowId: interviewWorkflowId(String(change.interview.id)),
            workflowType: INTERVIEW_WORKFLOW_TYPE,
            args: [await interviewWorkflowInput(em, this.interviews, change.interview)],
          });
        }
        return;
      case 'interviewRescheduled': {
        const { interview, appointment } = change;
        await this.signalInterview(em, interview, 'interviewScheduled', {
          startsAt: interview.startsAt.getTime(),
          place: interview.place,
          appointment,
        });
        return;
      }
      case 'interviewHeld':
        await this.signalInterview(em, change.interview, 'interviewHeld', {});
        return;
      case 'interviewCancelled':
        await this.commands.record(em, {
          kind: 'cancel',
          workflowId: interviewWorkflowId(String(change.interview.id)),
        });
        return;
      case 'interviewClosed':
        return;
    }
  }

  private signalCase(em: EntityManager, caseId: number, signalName: string, arg: object): Promise<void> {
    return this.commands.record(em, {
      kind: 'signal',
      workflowId: supervisionCaseWorkflowId(String(caseId)),
      signalName,
      args: [arg],
    });
  }

  private signalInterview(em: EntityManager, interview: Interview, signalName: string, arg: object): Promise<void> {
    return this.commands.record(em, {
      kind: 'signal',
      workflowId: interviewWorkflowId(String(interview.id)),
      signalName,
      args: [arg],
    });
  }
}
