export { EscalationModule } from './escalation.module';
export { EscalationStepRecord } from './escalation-step.entity';
export { StepLog } from './step-log';
export { StepIssuer } from './step-issuer';
export { TemporalObligationCommands } from './temporal-obligation-commands';
export type { IssuableStep, IssuedObligationStep } from './step-issuer';
export { PeriodCycle, PeriodCyclePoller } from './period-cycle';
export { OBLIGATION_TIMER, CASE_TIMER } from './obligation-escalation.handler';

import { EscalationStepRecord } from './escalation-step.entity';
export const ESCALATION_ENTITIES = [EscalationStepRecord];
