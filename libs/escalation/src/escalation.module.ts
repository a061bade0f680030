import { Global, Module, OnModuleInit } from '@nestjs/common';
import { ReportingHooks } from '@app/reporting';
import { EmbeddedEngine } from '@app/workflows';
import { CaseEscalationHandler } from './case-escalation.handler';
import { EscalationScheduler } from './escalation-scheduler';
import { CASE_TIMER, OBLIGATION_TIMER, ObligationEscalationHandler } from './obligation-escalation.handler';
import { PeriodCycle } from './period-cycle';
import { StepLog } from './step-log';
import { StepNotices } from './step-notices';

/**
 * The escalation ladder wired to the domain: the policy of `@app/workflows` driving reporting, supervision and
 * notices on the embedded engine.
 */
@Global()
@Module({
  providers: [
    StepLog,
    StepNotices,
    ObligationEscalationHandler,
    CaseEscalationHandler,
    EscalationScheduler,
    PeriodCycle,
  ],
  exports: [StepLog, PeriodCycle],
})
export class EscalationModule implements OnModuleInit {
  constructor(
    private readonly engine: EmbeddedEngine,
    private readonly hooks: ReportingHooks,
    private readonly scheduler: EscalationScheduler,
    private readonly obligationHandler: ObligationEscalationHandler,
    private readonly caseHandler: CaseEscalationHandler,
  ) {}

  onModuleInit(): void {
    this.engine.register(OBLIGATION_TIMER, this.obligationHandler);
    this.engine.register(CASE_TIMER, this.caseHandler);
    this.hooks.register((em, event) => this.scheduler.onObligationEvent(em, event));
  }
}
