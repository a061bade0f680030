import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { systemActor } from '@app/core';
import {
  caseNumberOf,
  InterviewsService,
  SupervisionCase,
  SupervisionCasesService,
  SupervisionNotices,
} from '@app/supervision';
import { TimerHandler, WorkingCalendarProvider, localDateOf, nextSupervisionStep } from '@app/workflows';
import { StepLog } from './step-log';

const ENGINE = systemActor('escalation');

/** Working days between the summons and the interview, and after it for the follow-up (整改落实). */
const INTERVIEW_AFTER_WORKING_DAYS = 3;
const FOLLOW_UP_WORKING_DAYS = 10;
const INTERVIEW_TIME = '10:00';

/**
 * A supervision case whose rectification deadline passed without closure calls the unit's principal head in for an
 * interview (约谈), with a notice and a calendar invite. A case closed in time stops here.
 */
@Injectable()
export class CaseEscalationHandler implements TimerHandler {
  constructor(
    private readonly cases: SupervisionCasesService,
    private readonly interviews: InterviewsService,
    private readonly notices: SupervisionNotices,
    private readonly calendars: WorkingCalendarProvider,
    private readonly steps: StepLog,
    private readonly audit: AuditService,
  ) {}

  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    const caseId = Number(subjectId);
    const supervisionCase = await em.findOneBy(SupervisionCase, { id: caseId });
    if (!supervisionCase) {
      return null;
    }
    const calendar = this.calendars.calendar();
    const input = await this.cases.policyInput(em, caseId);
    const decision = nextSupervisionStep({ ...input, calendar, now: now.getTime() });
    if (decision.type === 'none') {
      return null;
    }
    if (decision.step.fireAt > now.getTime()) {
      return new Date(decision.step.fireAt);
    }
    const today = localDateOf(now.getTime());
    const interviewDay = calendar.addWorkingDays(today, INTERVIEW_AFTER_WORKING_DAYS);
    const time = new Date(calendar.atOfficeHour(interviewDay, INTERVIEW_TIME));
    const number = caseNumberOf(supervisionCase);
    const interview = await this.interviews.schedule(em, {
      unitId: supervisionCase.unitId,
      caseId,
      reason: `${number}督办事项逾期未完成整改`,
      time,
      place: '领导小组办公室会议室',
      attendees: ['领导小组办公室主任', '督查组', '被约谈单位主要负责人、分管负责人'],
      followUpDueAt: new Date(calendar.officeEnd(calendar.addWorkingDays(interviewDay, FOLLOW_UP_WORKING_DAYS))),
      scheduledBy: ENGINE,
      dedupKey: decision.step.dedupKey,
    });
    await this.notices.interviewScheduled(em, interview, decision.step.dedupKey);
    await this.steps.record(em, {
      subjectType: 'case',
      subjectId: caseId,
      kind: 'interview',
      round: 0,
      dedupKey: decision.step.dedupKey,
      scheduledAt: new Date(decision.step.scheduledAt),
      issuedAt: now,
      supersedes: null,
      recordRef: `interview:${interview.id}`,
      unitId: supervisionCase.unitId,
    });
    await this.audit.record(em, {
      actor: ENGINE,
      action: 'escalation.interview',
      entityType: 'supervision_case',
      entityId: caseId,
      unitId: supervisionCase.unitId,
      after: { interviewId: interview.id, time, caseNumber: number },
    });
    return null;
  }
}
