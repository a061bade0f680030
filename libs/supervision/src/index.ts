export { SupervisionModule } from './supervision.module';
export { SUPERVISION_ENTITIES } from './supervision-entities';

export { Warning, WARNING_KINDS } from './warnings/warning.entity';
export type { WarningKind } from './warnings/warning.entity';
export { WarningsService } from './warnings/warnings.service';
export type { IssueWarningInput, WarningFilter } from './warnings/warnings.service';

export { SupervisionCase, SupervisionCaseLink, CASE_STATUSES, CASE_LINK_KINDS } from './cases/supervision-case.entity';
export type { CaseStatus, CaseLinkKind } from './cases/supervision-case.entity';
export {
  CASE_ACTIONS,
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  canApplyCaseAction,
  nextCaseStatus,
} from './cases/case-transitions';
export type { CaseAction } from './cases/case-transitions';
export { SupervisionCasesService, caseSnapshot, caseNumberOf } from './cases/supervision-cases.service';
export type {
  OpenCaseInput,
  RectificationInput,
  ClosureRequestInput,
  VerificationInput,
  CaseFilter,
  CaseSummary,
  CaseDetail,
} from './cases/supervision-cases.service';

export { Interview, INTERVIEW_STATUSES } from './interviews/interview.entity';
export type { InterviewStatus } from './interviews/interview.entity';
export {
  INTERVIEW_ACTIONS,
  INTERVIEW_ACTION_LABELS,
  INTERVIEW_STATUS_LABELS,
  nextInterviewStatus,
} from './interviews/interview-transitions';
export type { InterviewAction } from './interviews/interview-transitions';
export { InterviewsService, principalHeadOf } from './interviews/interviews.service';
export type {
  ScheduleInterviewInput,
  RescheduleInterviewInput,
  RescheduledInterview,
  InterviewFilter,
  InterviewSummary,
  InterviewDetail,
} from './interviews/interviews.service';

export { SupervisionHooks } from './supervision-hooks';
export type { InterviewEnd, SupervisionChange, SupervisionListener } from './supervision-hooks';

export { SupervisionEvent } from './events/supervision-event.entity';
export type { SupervisionSubject } from './events/supervision-event.entity';

export { Circular } from './circulars/circular.entity';
export type { CircularBody, CircularItem, CircularUnitEntry } from './circulars/circular.entity';
export { CircularsService } from './circulars/circulars.service';
export type { ComposeCircularInput, CircularReader } from './circulars/circulars.service';

export { circularNumber, documentYearOf, nextDocumentNumber } from './numbering/document-numbers';
export type { DocumentKind } from './numbering/document-counter.entity';

export { recipientsFor } from './recipients/recipients';
export type { Recipient, RecipientCandidate, RecipientOptions } from './recipients/recipients';
export { RecipientDirectory } from './recipients/recipient-directory';
export type { NoticeRecipient } from './recipients/recipient-directory';
export { SupervisionNotices } from './notices/supervision-notices';
export type { InterviewNoticeOptions, NoticeResult } from './notices/supervision-notices';
