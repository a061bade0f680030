import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { Obligation } from './obligations/obligation.entity';
import { Review } from './reviews/review.entity';
import { ReportingSetting } from './settings/reporting-setting.entity';
import { Submission, SubmissionAttachment, SubmissionIndicatorValue } from './submissions/submission.entity';

export const REPORTING_ENTITIES: Array<new () => object> = [
  ReportingSetting,
  Obligation,
  Submission,
  SubmissionIndicatorValue,
  SubmissionAttachment,
  Review,
  IdempotencyKey,
];
