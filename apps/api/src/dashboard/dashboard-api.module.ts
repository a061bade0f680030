import { Module } from '@nestjs/common';

/** The HTTP endpoints of the dashboard area. */
@Module({ controllers: [] })
export class DashboardApiModule {}
