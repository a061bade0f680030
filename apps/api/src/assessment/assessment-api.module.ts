import { Module } from '@nestjs/common';

/** The HTTP endpoints of the assessment area. */
@Module({ controllers: [] })
export class AssessmentApiModule {}
