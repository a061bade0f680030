import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssessmentNotices, AssessmentRun } from '@app/assessment';
import { AuditService } from '@app/audit';
import { DomainError, systemActor, UnitOfWork } from '@app/core';
import { Plan } from '@app/plans';
import { Interview, InterviewsService, SupervisionNotices } from '@app/supervision';
import {
  TEMPORAL_WORKER_COMPONENT,
  type NoticeActivities,
  type SendNoticesInput,
  type SendNoticesResult,
} from '@app/workflows';

/** Injection token of the service behind `createNoticeActivities(deps)`. */
export const NOTICE_ACTIVITY_DEPS = Symbol('NOTICE_ACTIVITY_DEPS');

const TEMPORAL = systemActor(TEMPORAL_WORKER_COMPONENT);

/**
 * The notices that are no part of a recorded step (`NoticeKind`), over the notice services the API uses: the
 * interview's invitation (`SupervisionNotices.interviewScheduled`, as when the office arranges or moves it by hand)
 * and reminder, and the office's review request of a scored assessment draft. Each runs in one transaction with its
 * audit entry; every recipient's message is keyed by the workflow's dedup key (UNIQUE), so a retried activity
 * writes nothing twice and is audited once. The content is read from the database, which the API changed before it
 * signalled the workflow.
 */
@Injectable()
export class WorkflowNotices implements NoticeActivities {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly supervisionNotices: SupervisionNotices,
    private readonly interviews: InterviewsService,
    private readonly assessmentNotices: AssessmentNotices,
    private readonly audit: AuditService,
  ) {}

  sendNotices(input: SendNoticesInput): Promise<SendNoticesResult> {
    return this.unitOfWork.run(async (em) => {
      const sent = await this.send(em, input);
      if (sent.delivered > 0) {
        await this.audit.record(em, {
          actor: TEMPORAL,
          action: `notice.${input.kind}`,
          entityType: sent.entityType,
          entityId: input.subject.id,
          unitId: sent.unitId,
          after: { dedupKey: input.dedupKey, delivered: sent.delivered, issuedAt: new Date(input.issuedAt) },
        });
      }
      return { delivered: sent.delivered };
    });
  }

  private async send(
    em: EntityManager,
    input: SendNoticesInput,
  ): Promise<{ delivered: number; entityType: string; unitId: number | null }> {
    switch (input.kind) {
      case 'interview_invite':
      case 'interview_reminder': {
        const interview = await this.interviewOf(em, input);
        const result =
          input.kind === 'interview_invite'
            ? await this.supervisionNotices.interviewScheduled(em, interview, input.dedupKey, {
                kind: 'interview_invite',
                // The calendar event of the summons, updated: SEQUENCE counts the appointments the database has.
                sequence: (await this.interviews.appointmentOf(em, interview.id)) - 1,
              })
            : await this.reminderOf(em, interview, input.dedupKey);
        return { delivered: result.inbox, entityType: 'interview', unitId: interview.unitId };
      }
      case 'assessment_review': {
        const run = await em.findOneBy(AssessmentRun, { id: idOf(input) });
        if (!run) {
          throw DomainError.notFound('考核', input.subject.id);
        }
        const plan = await em.findOneByOrFail(Plan, { id: run.planId });
        // A draft already released or published was reviewed: the request would only confuse.
        const delivered =
          run.status === 'draft' ? await this.assessmentNotices.reviewRequested(em, run, plan, input.dedupKey) : 0;
        return { delivered, entityType: 'assessment_run', unitId: plan.governmentId };
      }
    }
  }

  /** Nothing to remind of when the interview was held or cancelled meanwhile. */
  private async reminderOf(em: EntityManager, interview: Interview, dedupKey: string) {
    return interview.status === 'scheduled'
      ? this.supervisionNotices.interviewReminder(em, interview, dedupKey)
      : { inbox: 0, emails: 0 };
  }

  private async interviewOf(em: EntityManager, input: SendNoticesInput): Promise<Interview> {
    const interview = await em.findOneBy(Interview, { id: idOf(input) });
    if (!interview) {
      throw DomainError.notFound('约谈', input.subject.id);
    }
    return interview;
  }
}

/** Subject ids are the database's ids as strings; anything else can never succeed (non-retryable). */
function idOf(input: SendNoticesInput): number {
  const id = Number(input.subject.id);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw DomainError.invalid('subject.id', `通知对象编号无效：${input.subject.id}`);
  }
  return id;
}
