import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ReportingHooks } from '@app/reporting';
import { SupervisionHooks } from '@app/supervision';
import { EmbeddedEngine } from '@app/workflows';
import { CaseEscalationHandler } from './case-escalation.handler';
import { CircularNotices } from './circulars/circular-notices';
import { CIRCULAR_TIMER, MonthlyCirculars } from './circulars/monthly-circulars';
import { EscalationScheduler } from './escalation-scheduler';
import { INTERVIEW_TIMER, InterviewAppointments } from './interview-appointments';
import { CASE_TIMER, OBLIGATION_TIMER, ObligationEscalationHandler } from './obligation-escalation.handler';
import { PeriodCycle } from './period-cycle';
import { LadderReplanner } from './plan-ladder/ladder-replanner';
import { PlanLadderReader } from './plan-ladder/plan-ladder.reader';
import { PlanLadders } from './plan-ladder/plan-ladders.service';
import { ProgressLagCheckHandler } from './progress-lag/progress-lag-check.handler';
import { PROGRESS_LAG_TIMER, ProgressLagPlanner } from './progress-lag/progress-lag-planner';
import { StepIssuer } from './step-issuer';
import { StepLog } from './step-log';
import { StepNotices } from './step-notices';
import { TemporalObligationCommands } from './temporal-obligation-commands';
import { TemporalSupervisionCommands } from './temporal-supervision-commands';
import { WorkflowAdoption } from './workflow-adoption';

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
    TemporalSupervisionCommands,
    WorkflowAdoption,
    PeriodCycle,
    PlanLadders,
    PlanLadderReader,
    LadderReplanner,
    InterviewAppointments,
    CircularNotices,
    MonthlyCirculars,
    ProgressLagPlanner,
    ProgressLagCheckHandler,
  ],
  exports: [StepLog, StepIssuer, PeriodCycle, PlanLadders, PlanLadderReader, InterviewAppointments, WorkflowAdoption],
})
export class EscalationModule implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: EmbeddedEngine,
    private readonly hooks: ReportingHooks,
    private readonly supervisionHooks: SupervisionHooks,
    private readonly scheduler: EscalationScheduler,
    private readonly obligationHandler: ObligationEscalationHandler,
    private readonly caseHandler: CaseEscalationHandler,
    private readonly temporalCommands: TemporalObligationCommands,
    private readonly temporalSupervision: TemporalSupervisionCommands,
    private readonly interviewAppointments: InterviewAppointments,
    private readonly circulars: MonthlyCirculars,
    private readonly progressLagChecks: ProgressLagCheckHandler,
    private readonly progressLagPlanner: ProgressLagPlanner,
  ) {}

  onModuleInit(): void {
    // The circular is a timer in both modes (see libs/workflows/README.md); the ladder's obligation, case and
    // interview timers only on the embedded engine: in Temporal mode workflows run them.
    this.engine.register(CIRCULAR_TIMER, this.circulars);
    this.engine.register(PROGRESS_LAG_TIMER, this.progressLagChecks);
    // A submitted report's progress-lag check is a timer in both modes too: it is no deadline of the obligation.
    this.hooks.register(async (em, event) => {
      if (event.kind === 'submitted') {
        await this.progressLagPlanner.onSubmitted(em, event.obligationId);
      }
    });
    // One engine follows obligations, cases and interviews: embedded timers, or starts and signals for Temporal
    // (through the outbox).
    if (this.config.workflowEngine === 'temporal') {
      this.hooks.register((em, event) => this.temporalCommands.onObligationEvent(em, event));
      this.supervisionHooks.register((em, change) => this.temporalSupervision.onSupervisionChange(em, change));
    } else {
      this.engine.register(OBLIGATION_TIMER, this.obligationHandler);
      this.engine.register(CASE_TIMER, this.caseHandler);
      this.engine.register(INTERVIEW_TIMER, this.interviewAppointments);
      this.hooks.register((em, event) => this.scheduler.onObligationEvent(em, event));
      this.supervisionHooks.register((em, change) => this.interviewAppointments.onSupervisionChange(em, change));
    }
  }
}
