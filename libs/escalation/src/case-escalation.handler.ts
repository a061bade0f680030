import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SupervisionCase, SupervisionCasesService } from '@app/supervision';
import { TimerHandler, WorkingCalendarProvider, nextSupervisionStep } from '@app/workflows';
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
    await this.issuer.issueInterview(em, supervisionCase, decision.step, calendar, now);
    return null;
  }
}
