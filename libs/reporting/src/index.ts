export { ReportingModule } from './reporting.module';
export { REPORTING_ENTITIES } from './reporting-entities';
export { Obligation, OBLIGATION_STATUSES } from './obligations/obligation.entity';
export type { ObligationStatus } from './obligations/obligation.entity';
export {
  Submission,
  SubmissionAttachment,
  SubmissionIndicatorValue,
  SUBMISSION_KINDS,
} from './submissions/submission.entity';
export type { SubmissionKind, SubmissionStatus } from './submissions/submission.entity';
export { Review, REVIEW_DECISIONS } from './reviews/review.entity';
export type { ReviewDecision } from './reviews/review.entity';
export { ObligationsService, snapshotOf } from './obligations/obligations.service';
export type { LadderSnapshot, OpenPeriodResult } from './obligations/obligations.service';
export { ObligationQueries } from './obligations/obligation-queries';
export type {
  ObligationDetail,
  ObligationFilter,
  ObligationRow,
  Page,
  ParticipantPart,
  ReviewRecord,
  SubmissionVersion,
} from './obligations/obligation-queries';
export { ObligationAccess } from './obligations/obligation-access';
export type { ReviewerKind } from './obligations/obligation-access';
export { SubmissionsService } from './submissions/submissions.service';
export type { SubmissionReceipt } from './submissions/submissions.service';
export { MAX_PROGRESS_TEXT } from './submissions/submission-input';
export type { IndicatorValueInput, SubmissionInput, UploadedAttachment } from './submissions/submission-input';
export { ReviewsService, MAX_REVIEW_COMMENT, STATUS_LABELS } from './reviews/reviews.service';
export type { ReviewReceipt } from './reviews/reviews.service';
export { ObligationDeadlinesService, MAX_DEADLINE_REASON } from './deadlines/obligation-deadlines.service';
export type { DeadlineReceipt } from './deadlines/obligation-deadlines.service';
export { TaskCancellationService, MAX_CANCELLATION_REASON } from './tasks/task-cancellation.service';
export type { TaskCancellationReceipt } from './tasks/task-cancellation.service';
export { ReportingSettingsService, rulesOf } from './settings/reporting-settings.service';
export { ReportingHooks } from './reporting-hooks';
export type { ObligationEvent, ObligationListener } from './reporting-hooks';
export { AttachmentStore } from './attachments/attachment-store';
export { ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachments/attachment-policy';
export { DEFAULT_RETURN_WORKING_DAYS, dueAtFor, dueDateFor, returnDueAt } from './periods/due-dates';
export type { ReportingRules } from './periods/due-dates';
export {
  isPeriod,
  parsePeriod,
  periodContaining,
  periodEndDate,
  periodLabel,
  periodStartDate,
  previousPeriod,
} from './periods/reporting-period';
export type { PeriodCycle } from './periods/reporting-period';
