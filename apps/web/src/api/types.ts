import type { components } from './schema';

/** Names for the API's response and request shapes, all taken from the generated OpenAPI types. */
type Schemas = components['schemas'];

export type User = Schemas['UserView'];
export type Role = User['role'];
export type Plan = Schemas['PlanView'];
export type PlanDetail = Schemas['PlanDetailView'];
export type Task = Schemas['TaskView'];
export type TaskUnit = Schemas['TaskUnitView'];
export type Indicator = Schemas['IndicatorView'];
export type Problem = Schemas['ProblemView'];
export type UnresolvedName = Schemas['UnresolvedNameView'];
export type PublishResult = Schemas['PublishResultView'];
export type AcknowledgementStatus = Schemas['AcknowledgementStatusView'];
export type Assignment = Schemas['AssignmentView'];
export type InboxMessage = Schemas['InboxMessageView'];
export type Unit = Schemas['UnitView'];
export type CreateUnit = Schemas['CreateUnitDto'];

export type Obligation = Schemas['ObligationView'];
export type ObligationStatus = Obligation['status'];
export type ObligationDetail = Schemas['ObligationDetailView'];
export type Submission = Schemas['SubmissionView'];
export type SubmissionKind = Submission['kind'];
export type SubmissionReceipt = Schemas['SubmissionReceiptView'];
export type Review = Schemas['ReviewView'];
export type ParticipantPart = Schemas['ParticipantPartView'];
export type ReportingSettings = Schemas['ReportingSettingsView'];
export type ReportIndicator = Schemas['ReportIndicatorView'];
export type PlanLadder = Schemas['PlanLadderView'];
export type PlanLadderValues = Schemas['PlanLadderValuesView'];
export type ExportJob = Schemas['ExportJobView'];

export type Warning = Schemas['WarningView'];
export type SupervisionCase = Schemas['CaseView'];
export type CaseStatus = SupervisionCase['status'];
export type CaseDetail = Schemas['CaseDetailView'];
export type SupervisionEvent = Schemas['SupervisionEventView'];
export type Interview = Schemas['InterviewView'];
export type InterviewStatus = Interview['status'];
export type InterviewDetail = Schemas['InterviewDetailView'];
export type ScheduleInterview = Schemas['ScheduleInterviewDto'];

export type CalendarYear = Schemas['CalendarYearView'];
export type CalendarCorrection = Schemas['CalendarCorrectionView'];
export type Clock = Schemas['ClockView'];

/** The API's error body: every operation's `default` response. */
export type ErrorBody = Schemas['ErrorBody'];
