import { AssessmentAdjustment } from './adjustments/assessment-adjustment.entity';
import { AssessmentAppeal } from './appeals/assessment-appeal.entity';
import { AssessmentBonus } from './bonuses/assessment-bonus.entity';
import { AssessmentResult } from './runs/assessment-result.entity';
import { AssessmentRun } from './runs/assessment-run.entity';
import { AssessmentScheme } from './scheme/assessment-scheme.entity';

export const ASSESSMENT_ENTITIES = [
  AssessmentScheme,
  AssessmentRun,
  AssessmentResult,
  AssessmentAdjustment,
  AssessmentAppeal,
  AssessmentBonus,
];
