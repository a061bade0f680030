import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ObligationsService } from '@app/reporting';
import { SupervisionCasesService } from '@app/supervision';
import {
  EmbeddedEngine,
  ladderCalendar,
  TimerHandler,
  WorkingCalendar,
  WorkingCalendarProvider,
  nextEscalationStep,
  nextSupervisionStep,
} from '@app/workflows';
import { PlanLadderReader } from './plan-ladder/plan-ladder.reader';
import { StepIssuer } from './step-issuer';
import { StepLog } from './step-log';

export const OBLIGATION_TIMER = 'obligation';
export const CASE_TIMER = 'case';

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
    private readonly issuer: StepIssuer,
    private readonly cases: SupervisionCasesService,
    private readonly engine: EmbeddedEngine,
    private readonly ladders: PlanLadderReader,
  ) {}

  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    const id = Number(subjectId);
    const snapshot = (await this.obligations.ladderSnapshots([id], now)).get(id);
    if (!snapshot) {
      return null;
    }
    // Read at every decision, so a ladder the office changed applies to every step not yet issued.
    const ladder = await this.ladders.forPlan(em, snapshot.planId);
    const calendar = ladder ? ladderCalendar(this.calendars.calendar(), ladder) : this.calendars.calendar();
    const history = await this.steps.history(em, 'obligation', id);
    const ask = () =>
      nextEscalationStep({
        obligation: snapshot.obligation,
        history,
        previousPeriodOverdue: snapshot.previousPeriodOverdue,
        calendar,
        ladder,
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
      const { caseId, caseCreated } = await this.issuer.issueObligationStep(em, snapshot, decision.step, calendar, now);
      // A case joined was scheduled by the step that opened it.
      if (caseId !== null && caseCreated) {
        await this.scheduleInterview(em, caseId, calendar, now);
      }
    }
    history.push({ kind: decision.step.kind, at: now.getTime(), round: decision.step.round });
    const next = ask();
    return next.type === 'step' ? new Date(next.step.fireAt) : null;
  }

  private async scheduleInterview(
    em: EntityManager,
    caseId: number,
    calendar: WorkingCalendar,
    now: Date,
  ): Promise<void> {
    const { supervisionCase, history } = await this.cases.policyInput(em, caseId);
    const interview = nextSupervisionStep({ supervisionCase, history, calendar, now: now.getTime() });
    if (interview.type === 'step') {
      await this.engine.schedule(em, CASE_TIMER, caseId, new Date(interview.step.fireAt));
    }
  }
}
