import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SupervisionCase, SupervisionCasesService } from '@app/supervision';
import { ladderCalendar, TimerHandler, WorkingCalendarProvider, nextSupervisionStep } from '@app/workflows';
import { PlanLadderReader } from './plan-ladder/plan-ladder.reader';
import { StepIssuer } from './step-issuer';

/**
 * A supervision case whose rectification deadline passed without closure calls the unit's principal head in for an
 * interview (约谈), with a notice and a calendar invite. A case closed in time stops here.
 */
@Injectable()
export class CaseEscalationHandler implements TimerHandler {
  constructor(
    private readonly cases: SupervisionCasesService,
    private readonly calendars: WorkingCalendarProvider,
    private readonly issuer: StepIssuer,
    private readonly ladders: PlanLadderReader,
  ) {}

  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    const caseId = Number(subjectId);
    const supervisionCase = await em.findOneBy(SupervisionCase, { id: caseId });
    if (!supervisionCase) {
      return null;
    }
    // The plan's office hours, when its ladder sets them, place the interview as they placed the case.
    const ladder = supervisionCase.planId === null ? undefined : await this.ladders.forPlan(em, supervisionCase.planId);
    const calendar = ladder ? ladderCalendar(this.calendars.calendar(), ladder) : this.calendars.calendar();
    const input = await this.cases.policyInput(em, caseId);
    const decision = nextSupervisionStep({ ...input, calendar, now: now.getTime() });
    if (decision.type === 'none') {
      return null;
    }
    if (decision.step.fireAt > now.getTime()) {
      return new Date(decision.step.fireAt);
    }
    // Its reminder is planned by `InterviewAppointments`, which follows every new interview (`SupervisionHooks`).
    await this.issuer.issueInterview(em, supervisionCase, decision.step, calendar, now);
    return null;
  }
}
