import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AdjustableClock, Clock, SystemClock } from './clock';
import { UnitOfWork } from './unit-of-work';

/** Clock and transactions for every module. The clock is adjustable only where the dev clock is allowed. */
@Global()
@Module({
  providers: [
    {
      provide: Clock,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Clock => (config.allowClockControl ? new AdjustableClock() : new SystemClock()),
    },
    UnitOfWork,
  ],
  exports: [Clock, UnitOfWork],
})
export class CoreModule {}
