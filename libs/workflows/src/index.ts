// Pure policy: also imported by Temporal workflow code, through relative paths inside this lib only.
export * from './policy/policy-error';
export { DAY_MS, localDateOf, yearOf } from './policy/shanghai-time';
export type { Instant, LocalDate } from './policy/shanghai-time';
export * from './policy/working-calendar';
export * from './policy/escalation-steps';
export * from './policy/escalation-ladder';
export * from './policy/escalation-policy';
export * from './policy/supervision-case-policy';
export * from './policy/progress-lag-policy';

// Node side: builds the calendar data from chinese-days, the law and the office's corrections.
export * from './calendar/calendar-data.loader';
export { statutoryHolidays } from './calendar/statutory-holidays';
export type { StatutoryDay } from './calendar/statutory-holidays';
export { WorkingCalendarProvider } from './calendar/working-calendar.provider';
export { CalendarCorrectionEntry, OfficeNoticeYear, CALENDAR_ENTITIES } from './calendar/calendar-correction.entity';
export { CalendarCorrectionsStore } from './calendar/calendar-corrections.store';
export type { OfficeCalendar } from './calendar/calendar-corrections.store';
export { CalendarCorrectionsService } from './calendar/calendar-corrections';
export type { CorrectionInput } from './calendar/calendar-corrections';
// Temporal engine: workflow definitions, ids, the activity contract (the worker bundles temporal/workflows.ts).
export * from './temporal';
export { WorkflowsModule } from './workflows.module';
export { EmbeddedEngine } from './embedded/embedded-engine';
export type { TimerHandler, SweepResult } from './embedded/embedded-engine';
export { EmbeddedPoller } from './embedded/embedded-poller';
export { DurableTimer } from './embedded/durable-timer.entity';
// Engine port: embedded or Temporal (WORKFLOW_ENGINE), with the outbox of starts and signals.
export { WorkflowEngine, TEMPORAL_UNAVAILABLE_MESSAGE, TEMPORAL_WORKER_COMPONENT } from './engine/workflow-engine';
export type { EngineHealth, WorkflowCancel, WorkflowSignal, WorkflowStart } from './engine/workflow-engine';
export { EmbeddedWorkflowEngine } from './engine/embedded-workflow-engine';
export { TemporalWorkflowEngine } from './engine/temporal-workflow-engine';
export { WorkflowCommandRecord } from './engine/workflow-command.entity';
export { WorkflowCommands, WorkflowCommandRelay, WorkflowCommandPoller } from './engine/workflow-commands';
export type { WorkflowCommand, RelayResult } from './engine/workflow-commands';

import { DurableTimer } from './embedded/durable-timer.entity';
import { WorkflowCommandRecord } from './engine/workflow-command.entity';
import { CALENDAR_ENTITIES } from './calendar/calendar-correction.entity';
export const WORKFLOW_ENTITIES = [DurableTimer, WorkflowCommandRecord, ...CALENDAR_ENTITIES];
