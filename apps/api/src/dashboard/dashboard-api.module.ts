import { Module } from '@nestjs/common';
import { DashboardModule } from '@app/dashboard';
import { DashboardController } from './dashboard.controller';

/** The HTTP endpoints of the dashboard area. */
@Module({ imports: [DashboardModule], controllers: [DashboardController] })
export class DashboardApiModule {}
