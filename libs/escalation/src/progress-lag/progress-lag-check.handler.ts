import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { findPlanHeader, Task, TaskDeadline } from '@app/plans';
import { Obligation, Submission } from '@app/reporting';
import { nextProgressLagStep, TimerHandler, WorkingCalendarProvider } from '@app/workflows';
import { PlanLadderReader } from '../plan-ladder/plan-ladder.reader';
import { StepIssuer } from '../step-issuer';
import { StepLog } from '../step-log';
import { deadlineWindowOf } from './deadline-window';
import { planCalendar } from './plan-calendar';

/** A report that stands: returned reports are judged again when resubmitted, waived or cancelled ones never. */
const STANDING: ReadonlySet<Obligation['status']> = new Set(['submitted', 'accepted']);

/**
 * The progress-lag check of one report (`progress_lag` timer, subject = obligation id): the task's deadline window,
 * the reported % complete and the plan's margin go to `nextProgressLagStep`; a lag beyond the margin is a
 * progress-lag warning, at most once per obligation (the step log is the policy's history). Everything is read
 * when the check runs, so a margin the office changed in between applies.
 */
@Injectable()
export class ProgressLagCheckHandler implements TimerHandler {
  constructor(
    private readonly calendars: WorkingCalendarProvider,
    private readonly ladders: PlanLadderReader,
    private readonly steps: StepLog,
    private readonly issuer: StepIssuer,
  ) {}

  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    const obligation = await em.findOneBy(Obligation, { id: Number(subjectId) });
    if (!obligation || !STANDING.has(obligation.status) || obligation.currentSubmissionId === null) {
      return null;
    }
    const [submission, task, deadlines, plan] = await Promise.all([
      em.findOneBy(Submission, { id: obligation.currentSubmissionId }),
      em.findOneBy(Task, { id: obligation.taskId }),
      em.findBy(TaskDeadline, { taskId: obligation.taskId }),
      findPlanHeader(em, obligation.planId),
    ]);
    const reportedPercent = submission?.percentComplete ?? null;
    const window = plan ? deadlineWindowOf(deadlines, plan.publishedAt) : null;
    if (reportedPercent === null || task?.status !== 'active' || window === null) {
      return null;
    }
    const settings = await this.ladders.state(em, obligation.planId);
    const marginPoints = settings.ladder.progressLagMarginPoints;
    const decision = nextProgressLagStep({
      obligationId: String(obligation.id),
      window,
      reportedPercent,
      history: await this.steps.history(em, 'obligation', obligation.id),
      marginPoints,
      calendar: planCalendar(this.calendars.calendar(), settings),
      now: now.getTime(),
    });
    if (decision.type === 'none') {
      return null;
    }
    if (decision.step.fireAt > now.getTime()) {
      return new Date(decision.step.fireAt);
    }
    if (!(await this.steps.has(em, decision.step.dedupKey))) {
      await this.issuer.issueProgressLagWarning(em, obligation, decision.step, {
        taskDueAt: new Date(window.end - 1),
        marginPoints,
        now,
      });
    }
    return null;
  }
}
