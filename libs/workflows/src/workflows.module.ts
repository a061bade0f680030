import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { CalendarCorrectionsService } from './calendar/calendar-corrections';
import { CalendarCorrectionsStore } from './calendar/calendar-corrections.store';
import { WorkingCalendarProvider } from './calendar/working-calendar.provider';
import { EmbeddedEngine } from './embedded/embedded-engine';
import { EmbeddedWorkflowEngine } from './engine/embedded-workflow-engine';
import { TemporalWorkflowEngine } from './engine/temporal-workflow-engine';
import { WorkflowCommandRelay, WorkflowCommands } from './engine/workflow-commands';
import { WorkflowEngine } from './engine/workflow-engine';

/** `WORKFLOW_ENGINE` picks the adapter; both keep the database as the source of truth. */
const workflowEngineProvider = {
  provide: WorkflowEngine,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): WorkflowEngine =>
    config.workflowEngine === 'temporal' ? new TemporalWorkflowEngine(config) : new EmbeddedWorkflowEngine(),
};

@Global()
@Module({
  providers: [
    WorkingCalendarProvider,
    CalendarCorrectionsStore,
    CalendarCorrectionsService,
    EmbeddedEngine,
    workflowEngineProvider,
    WorkflowCommands,
    WorkflowCommandRelay,
  ],
  exports: [
    WorkingCalendarProvider,
    CalendarCorrectionsStore,
    CalendarCorrectionsService,
    EmbeddedEngine,
    WorkflowEngine,
    WorkflowCommands,
    WorkflowCommandRelay,
  ],
})
export class WorkflowsModule {}
