import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ReportingHooks } from '@app/reporting';
import { EmbeddedEngine } from '@app/workflows';
import { CaseEscalationHandler } from './case-escalation.handler';
import { EscalationScheduler } from './escalation-scheduler';
import { CASE_TIMER, OBLIGATION_TIMER, ObligationEscalationHandler } from './obligation-escalation.handler';
import { PeriodCycle } from './period-cycle';
import { StepIssuer } from './step-issuer';
import { StepLog } from './step-log';
import { StepNotices } from './step-notices';
import { TemporalObligationCommands } from './temporal-obligation-commands';

/**
 * The escalation ladder wired to the domain: the policy of `@app/workflows` driving reporting, supervision and
 * notices on the embedded engine.
 */
@Global()
@Module({
  providers: [
    StepLog,
    StepNotices,
    StepIssuer,
    ObligationEscalationHandler,
    CaseEscalationHandler,
    EscalationScheduler,
    TemporalObligationCommands,
    PeriodCycle,
  ],
  exports: [StepLog, StepIssuer, PeriodCycle],
})
export class EscalationModule implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: EmbeddedEngine,
    private readonly hooks: ReportingHooks,
    private readonly scheduler: EscalationScheduler,
    private readonly obligationHandler: ObligationEscalationHandler,
    private readonly caseHandler: CaseEscalationHandler,
    private readonly temporalCommands: TemporalObligationCommands,
  ) {}

  onModuleInit(): void {
    this.engine.register(OBLIGATION_TIMER, this.obligationHandler);
    this.engine.register(CASE_TIMER, this.caseHandler);
    // One engine follows the obligations: embedded timers, or starts and signals for Temporal (through the outbox).
    if (this.config.workflowEngine === 'temporal') {
      this.hooks.register((em, event) => this.temporalCommands.onObligationEvent(em, event));
    } else {
      this.hooks.register((em, event) => this.scheduler.onObligationEvent(em, event));
    }
  }
}
