import { Module } from '@nestjs/common';

/** The HTTP endpoints of the reporting domain. */
@Module({ controllers: [] })
export class ReportingApiModule {}
