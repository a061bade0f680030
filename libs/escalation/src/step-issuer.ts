import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, systemActor } from '@app/core';
import {
  EmailContent,
  progressLagWarningEmail,
  redWarningEmail,
  reportReminderEmail,
  yellowWarningEmail,
} from '@app/notify';
import { Unit } from '@app/org';
import { getPlanHeader, Task } from '@app/plans';
import { LadderSnapshot, Obligation, periodLabel } from '@app/reporting';
import {
  caseNumberOf,
  Interview,
  InterviewsService,
  SupervisionCase,
  SupervisionCaseLink,
  SupervisionCasesService,
  SupervisionNotices,
  WarningsService,
} from '@app/supervision';
import { ObligationStep, ProgressLagStep, WorkingCalendar, localDateOf } from '@app/workflows';
import { StepLog } from './step-log';
import { StepNotices } from './step-notices';

const ENGINE = systemActor('escalation');

/** Working days between the summons and the interview, and after it for the follow-up (整改落实). */
const INTERVIEW_AFTER_WORKING_DAYS = 3;
const FOLLOW_UP_WORKING_DAYS = 10;
const INTERVIEW_TIME = '10:00';

/** What the issuer needs of a ladder step: the embedded policy's step, or a Temporal activity's input. */
export type IssuableStep = Pick<
  ObligationStep,
  'kind' | 'round' | 'dedupKey' | 'scheduledAt' | 'supersedes' | 'trigger' | 'rectificationDeadline'
> &
  Partial<Pick<ObligationStep, 'provisionalCalendar'>>;

export interface IssuedObligationStep {
  /** `warning:{id}` or `case:{id}`; null for a reminder. */
  recordRef: string | null;
  /** The supervision case the step opened (or joined), for `supervision_case`. */
  caseId: number | null;
  /** Whether this step opened the case (false when it joined one opened by another report of the same unit). */
  caseCreated: boolean;
}

/**
 * Issues one ladder step in the caller's transaction: the warning or case, the notices (inbox + email outbox), the
 * step log row (UNIQUE dedup key) and the audit entry. Shared by the embedded engine's timer handlers and the
 * Temporal activities, so both engines issue exactly the same records. Callers check `StepLog.has` first.
 */
@Injectable()
export class StepIssuer {
  constructor(
    private readonly steps: StepLog,
    private readonly notices: StepNotices,
    private readonly warnings: WarningsService,
    private readonly cases: SupervisionCasesService,
    private readonly caseNotices: SupervisionNotices,
    private readonly interviews: InterviewsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async issueObligationStep(
    em: EntityManager,
    snapshot: LadderSnapshot,
    step: IssuableStep,
    calendar: WorkingCalendar,
    now: Date,
  ): Promise<IssuedObligationStep> {
    const obligationId = Number(snapshot.obligation.id);
    const [plan, task, unit] = await Promise.all([
      getPlanHeader(em, snapshot.planId),
      em.findOneByOrFail(Task, { id: snapshot.taskId }),
      em.findOneByOrFail(Unit, { id: snapshot.unitId }),
    ]);
    const dueAt = new Date(snapshot.obligation.dueAt);
    const label = periodLabel(snapshot.obligation.period);
    const overdueWorkingDays = Math.max(
      0,
      calendar.workingDaysBetween(localDateOf(dueAt.getTime()), localDateOf(now.getTime())),
    );
    const sender = {
      officeName: await this.notices.officeName(em, plan),
      issuedAt: now,
      publicUrl: this.notices.publicUrl,
    };
    const path = `/obligations/${obligationId}`;
    // A unit late on many tasks of a period gets one warning, one notice and one case per step, not one per task.
    const unitKey = `${step.kind}:plan${plan.id}:unit${unit.id}:${snapshot.obligation.period}:r${step.round}`;
    const pending = await em.countBy(Obligation, {
      planId: plan.id,
      unitId: unit.id,
      period: snapshot.obligation.period,
      status: In(['open', 'returned']),
    });
    const taskTitle = pending > 1 ? `${task.title}（及本期其他 ${pending - 1} 项任务）` : task.title;
    const common = { ...sender, unitName: unit.name, taskTitle, periodLabel: label, dueAt, path };
    let recordRef: string | null = null;
    let caseId: number | null = null;
    let caseCreated = false;
    let content: EmailContent | null = null;
    switch (step.kind) {
      case 'reminder_before_due':
      case 'reminder_due':
        content = reportReminderEmail({ ...common, when: step.kind === 'reminder_due' ? 'due_today' : 'before_due' });
        break;
      case 'yellow_warning':
      case 'red_warning': {
        const kind = step.kind === 'yellow_warning' ? 'yellow' : 'red';
        const warning = await this.warnings.issue(em, {
          kind,
          unitId: unit.id,
          planId: plan.id,
          taskId: task.id,
          obligationId,
          reason: `${label}工作进展情况逾期 ${overdueWorkingDays} 个工作日未报送`,
          dedupKey: `warning:${unitKey}`,
          actor: ENGINE,
        });
        recordRef = `warning:${warning.id}`;
        content = (kind === 'yellow' ? yellowWarningEmail : redWarningEmail)({ ...common, overdueWorkingDays });
        break;
      }
      case 'supervision_case': {
        const reason =
          step.trigger === 'consecutive_overdue'
            ? `连续两期逾期未报送工作进展情况（${label}）`
            : `${label}工作进展情况逾期 ${overdueWorkingDays} 个工作日未报送`;
        const { supervisionCase: opened, created } = await this.cases.openOrJoin(em, {
          unitId: unit.id,
          planId: plan.id,
          reason,
          obligationIds: [obligationId],
          taskIds: [task.id],
          rectificationDueAt: step.rectificationDeadline ? new Date(step.rectificationDeadline) : null,
          openedBy: ENGINE,
          dedupKey: `case:${unitKey}`,
        });
        if (created) {
          await this.caseNotices.caseOpened(em, opened, `notice:case:${opened.id}`);
        } else if (
          !(await em.existsBy(SupervisionCaseLink, { caseId: opened.id, kind: 'obligation', refId: obligationId }))
        ) {
          await em.insert(SupervisionCaseLink, { caseId: opened.id, kind: 'obligation', refId: obligationId });
        }
        recordRef = `case:${opened.id}`;
        caseId = opened.id;
        caseCreated = created;
        break;
      }
    }
    if (content) {
      await this.notices.send(em, {
        step: step.kind,
        stepKey: `notice:${unitKey}`,
        unit,
        governmentId: plan.governmentId,
        content,
        path,
      });
    }
    await this.steps.record(em, {
      subjectType: 'obligation',
      subjectId: obligationId,
      kind: step.kind,
      round: step.round,
      dedupKey: step.dedupKey,
      scheduledAt: new Date(step.scheduledAt),
      issuedAt: now,
      supersedes: step.supersedes.length > 0 ? [...step.supersedes] : null,
      recordRef,
      unitId: unit.id,
    });
    await this.audit.record(em, {
      actor: ENGINE,
      action: `escalation.${step.kind}`,
      entityType: 'obligation',
      entityId: obligationId,
      unitId: unit.id,
      after: {
        step: step.kind,
        round: step.round,
        scheduledAt: new Date(step.scheduledAt),
        issuedAt: now,
        supersedes: step.supersedes,
        recordRef,
        ...(step.trigger ? { trigger: step.trigger } : {}),
        ...(step.rectificationDeadline !== undefined
          ? { rectificationDeadline: new Date(step.rectificationDeadline) }
          : {}),
        ...(step.provisionalCalendar !== undefined ? { provisionalCalendar: step.provisionalCalendar } : {}),
        at: this.clock.now(),
      },
    });
    return { recordRef, caseId, caseCreated };
  }

  /**
   * A progress-lag warning (进度滞后预警) on one report: the warning record, its notices (one per task, since each
   * task lags by its own figures), the step log row and the audit entry. Callers check `StepLog.has` first.
   */
  async issueProgressLagWarning(
    em: EntityManager,
    obligation: Obligation,
    step: ProgressLagStep,
    context: { taskDueAt: Date; marginPoints: number; now: Date },
  ): Promise<{ warningId: number }> {
    const { now } = context;
    const [plan, task, unit] = await Promise.all([
      getPlanHeader(em, obligation.planId),
      em.findOneByOrFail(Task, { id: obligation.taskId }),
      em.findOneByOrFail(Unit, { id: obligation.unitId }),
    ]);
    const label = periodLabel(obligation.period);
    const expected = Math.round(step.expectedPercent);
    const warning = await this.warnings.issue(em, {
      kind: 'progress_lag',
      unitId: unit.id,
      planId: plan.id,
      taskId: task.id,
      obligationId: obligation.id,
      reason: `${label}报送完成进度 ${step.reportedPercent}%，按期应达 ${expected}%，滞后超过 ${context.marginPoints} 个百分点`,
      dedupKey: `warning:${step.dedupKey}`,
      actor: ENGINE,
    });
    const path = `/obligations/${obligation.id}`;
    await this.notices.send(em, {
      step: step.kind,
      stepKey: step.dedupKey,
      unit,
      governmentId: plan.governmentId,
      content: progressLagWarningEmail({
        officeName: await this.notices.officeName(em, plan),
        issuedAt: now,
        publicUrl: this.notices.publicUrl,
        unitName: unit.name,
        taskTitle: task.title,
        periodLabel: label,
        taskDueAt: context.taskDueAt,
        reportedPercent: step.reportedPercent,
        expectedPercent: step.expectedPercent,
        marginPoints: context.marginPoints,
        path,
      }),
      path,
    });
    const recordRef = `warning:${warning.id}`;
    await this.steps.record(em, {
      subjectType: 'obligation',
      subjectId: obligation.id,
      kind: step.kind,
      round: step.round,
      dedupKey: step.dedupKey,
      scheduledAt: new Date(step.scheduledAt),
      issuedAt: now,
      supersedes: null,
      recordRef,
      unitId: unit.id,
    });
    await this.audit.record(em, {
      actor: ENGINE,
      action: `escalation.${step.kind}`,
      entityType: 'obligation',
      entityId: obligation.id,
      unitId: unit.id,
      after: {
        step: step.kind,
        reportedPercent: step.reportedPercent,
        expectedPercent: step.expectedPercent,
        lagPoints: step.lagPoints,
        marginPoints: context.marginPoints,
        taskDueAt: context.taskDueAt,
        scheduledAt: new Date(step.scheduledAt),
        issuedAt: now,
        recordRef,
        provisionalCalendar: step.provisionalCalendar,
        at: this.clock.now(),
      },
    });
    return { warningId: warning.id };
  }

  /** The interview (约谈) of a case still open after its rectification deadline, with its notices. */
  async issueInterview(
    em: EntityManager,
    supervisionCase: SupervisionCase,
    step: { dedupKey: string; scheduledAt: number },
    calendar: WorkingCalendar,
    now: Date,
  ): Promise<Interview> {
    const today = localDateOf(now.getTime());
    const interviewDay = calendar.addWorkingDays(today, INTERVIEW_AFTER_WORKING_DAYS);
    const time = new Date(calendar.atOfficeHour(interviewDay, INTERVIEW_TIME));
    const number = caseNumberOf(supervisionCase);
    const interview = await this.interviews.schedule(em, {
      unitId: supervisionCase.unitId,
      caseId: supervisionCase.id,
      reason: `${number}督办事项逾期未完成整改`,
      time,
      place: '领导小组办公室会议室',
      attendees: ['领导小组办公室主任', '督查组', '被约谈单位主要负责人、分管负责人'],
      followUpDueAt: new Date(calendar.officeEnd(calendar.addWorkingDays(interviewDay, FOLLOW_UP_WORKING_DAYS))),
      scheduledBy: ENGINE,
      dedupKey: step.dedupKey,
    });
    await this.caseNotices.interviewScheduled(em, interview, step.dedupKey);
    await this.steps.record(em, {
      subjectType: 'case',
      subjectId: supervisionCase.id,
      kind: 'interview',
      round: 0,
      dedupKey: step.dedupKey,
      scheduledAt: new Date(step.scheduledAt),
      issuedAt: now,
      supersedes: null,
      recordRef: `interview:${interview.id}`,
      unitId: supervisionCase.unitId,
    });
    await this.audit.record(em, {
      actor: ENGINE,
      action: 'escalation.interview',
      entityType: 'supervision_case',
      entityId: supervisionCase.id,
      unitId: supervisionCase.unitId,
      after: { interviewId: interview.id, time, caseNumber: number },
    });
    return interview;
  }
}
