import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CircularsController } from './circulars.controller';
import { InterviewsController } from './interviews.controller';
import { SupervisionCasesController } from './supervision-cases.controller';
import { WarningsController } from './warnings.controller';

/** The HTTP endpoints of the supervision domain, and the office's working-day calendar. */
@Module({
  controllers: [
    WarningsController,
    SupervisionCasesController,
    InterviewsController,
    CircularsController,
    CalendarController,
  ],
})
export class SupervisionApiModule {}
