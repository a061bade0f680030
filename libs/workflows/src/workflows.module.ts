import { Global, Module } from '@nestjs/common';
import { CalendarCorrectionsService } from './calendar/calendar-corrections';
import { CalendarCorrectionsStore } from './calendar/calendar-corrections.store';
import { WorkingCalendarProvider } from './calendar/working-calendar.provider';
import { EmbeddedEngine } from './embedded/embedded-engine';

@Global()
@Module({
  providers: [WorkingCalendarProvider, CalendarCorrectionsStore, CalendarCorrectionsService, EmbeddedEngine],
  exports: [WorkingCalendarProvider, CalendarCorrectionsService, EmbeddedEngine],
})
export class WorkflowsModule {}
