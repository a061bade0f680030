import * as path from 'node:path';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ObligationsController } from './obligations.controller';
import { ReportAttachmentsController } from './report-attachments.controller';
import { ReportingSettingsController } from './reporting-settings.controller';
import { TaskCancellationController } from './task-cancellation.controller';

/** The HTTP endpoints of the reporting domain. */
@Module({
  imports: [
    // Uploads stream to disk under the data folder (10 × 20 MB would not fit in memory per request).
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ dest: path.join(config.dataDir, 'tmp', 'uploads') }),
    }),
  ],
  controllers: [
    ObligationsController,
    ReportAttachmentsController,
    ReportingSettingsController,
    TaskCancellationController,
  ],
})
export class ReportingApiModule {}
