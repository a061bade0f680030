import { Module } from '@nestjs/common';
import { AssessmentAppealsController } from './assessment-appeals.controller';
import { AssessmentBonusesController } from './assessment-bonuses.controller';
import { AssessmentResultsController } from './assessment-results.controller';
import { AssessmentRunsController } from './assessment-runs.controller';
import { AssessmentSchemesController } from './assessment-schemes.controller';
import { TraceRefLabels } from './trace-ref-labels';

/** The HTTP endpoints of the assessment area. */
@Module({
  controllers: [
    AssessmentSchemesController,
    AssessmentRunsController,
    AssessmentResultsController,
    AssessmentAppealsController,
    AssessmentBonusesController,
  ],
  providers: [TraceRefLabels],
})
export class AssessmentApiModule {}
