import { Global, Module } from '@nestjs/common';
import { WorkingCalendarProvider } from './calendar/working-calendar.provider';
import { EmbeddedEngine } from './embedded/embedded-engine';

@Global()
@Module({ providers: [WorkingCalendarProvider, EmbeddedEngine], exports: [WorkingCalendarProvider, EmbeddedEngine] })
export class WorkflowsModule {}
