import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, systemActor } from '@app/core';
import { EmailContent, redWarningEmail, reportReminderEmail, yellowWarningEmail } from '@app/notify';
import { Unit } from '@app/org';
import { Plan, Task } from '@app/plans';
import { In } from 'typeorm';
import { LadderSnapshot, Obligation, ObligationsService, periodLabel } from '@app/reporting';
import { SupervisionCaseLink, SupervisionCasesService, SupervisionNotices, WarningsService } from '@app/supervision';
import {
  EmbeddedEngine,
  ObligationStep,
  TimerHandler,
  WorkingCalendar,
  WorkingCalendarProvider,
  localDateOf,
  nextEscalationStep,
  nextSupervisionStep,
} from '@app/workflows';
import { StepLog } from './step-log';
import { StepNotices } from './step-notices';

export const OBLIGATION_TIMER = 'obligation';
export const CASE_TIMER = 'case';

const ENGINE = systemActor('escalation');

/**
 * One obligation's escalation ladder on the embedded engine: ask the policy what is next, issue it when due
 * (record, notices, supervision case), and say when to come back. Everything runs in the timer's transaction.
 */
@Injectable()
export class ObligationEscalationHandler implements TimerHandler {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly calendars: WorkingCalendarProvider,
    private readonly steps: StepLog,
    private readonly notices: StepNotices,
    private readonly warnings: WarningsService,
    private readonly cases: SupervisionCasesService,
    private readonly caseNotices: SupervisionNotices,
    private readonly engine: EmbeddedEngine,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    const id = Number(subjectId);
    const snapshot = (await this.obligations.ladderSnapshots([id], now)).get(id);
    if (!snapshot) {
      return null;
    }
    const calendar = this.calendars.calendar();
    const history = await this.steps.history(em, 'obligation', id);
    const ask = () =>
      nextEscalationStep({
        obligation: snapshot.obligation,
        history,
        previousPeriodOverdue: snapshot.previousPeriodOverdue,
        calendar,
        now: now.getTime(),
      });
    const decision = ask();
    if (decision.type === 'none') {
      return null;
    }
    if (decision.step.fireAt > now.getTime()) {
      return new Date(decision.step.fireAt);
    }
    if (!(await this.steps.has(em, decision.step.dedupKey))) {
      await this.issue(em, snapshot, decision.step, calendar, now);
    }
    history.push({ kind: decision.step.kind, at: now.getTime(), round: decision.step.round });
    const next = ask();
    return next.type === 'step' ? new Date(next.step.fireAt) : null;
  }

  private async issue(
    em: EntityManager,
    snapshot: LadderSnapshot,
    step: ObligationStep,
    calendar: WorkingCalendar,
    now: Date,
  ): Promise<void> {
    const obligationId = Number(snapshot.obligation.id);
    const [plan, task, unit] = await Promise.all([
      em.findOneByOrFail(Plan, { id: snapshot.planId }),
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
        const opened = await this.cases.open(em, {
          unitId: unit.id,
          planId: plan.id,
          reason,
          obligationIds: [obligationId],
          taskIds: [task.id],
          rectificationDueAt: step.rectificationDeadline ? new Date(step.rectificationDeadline) : null,
          openedBy: ENGINE,
          dedupKey: `case:${unitKey}`,
        });
        if (!(await em.existsBy(SupervisionCaseLink, { caseId: opened.id, kind: 'obligation', refId: obligationId }))) {
          await em.insert(SupervisionCaseLink, { caseId: opened.id, kind: 'obligation', refId: obligationId });
        }
        await this.caseNotices.caseOpened(em, opened, `notice:case:${opened.id}`);
        const { supervisionCase, history } = await this.cases.policyInput(em, opened.id);
        const interview = nextSupervisionStep({ supervisionCase, history, calendar, now: now.getTime() });
        if (interview.type === 'step') {
          await this.engine.schedule(em, CASE_TIMER, opened.id, new Date(interview.step.fireAt));
        }
        recordRef = `case:${opened.id}`;
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
        at: this.clock.now(),
      },
    });
  }
}
