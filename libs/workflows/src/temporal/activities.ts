import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, DomainErrorCode } from '@app/core';
import type { EscalationLadder } from '../policy/escalation-ladder';
import type { SupervisionTrigger } from '../policy/escalation-policy';
import type { ObligationStepKind, RecipientRole } from '../policy/escalation-steps';
import { PolicyError } from '../policy/policy-error';
import type { Instant } from '../policy/shanghai-time';
import type { CalendarData } from '../policy/working-calendar';

/*
 * The activities the Temporal workflows call, one input object each. Workflows import these types only
 * (`import type`), so nothing here reaches the workflow bundle. Every write is idempotent on `dedupKey`
 * (a UNIQUE column), so a retried activity never issues a step or a notice twice.
 */

export interface CalendarYearsInput {
  readonly fromYear: number;
  readonly toYear: number;
}

export interface OpenPeriodObligationsInput {
  /** `YYYY-MM`: the month whose cycle begins; the reporting lib opens the periods it starts (monthly, quarterly). */
  readonly period: string;
  /** Opaque position returned by the previous page; `null` for the first page. */
  readonly cursor: string | null;
  readonly limit: number;
}

/** One obligation as the workflow needs it; created (or found) by `openPeriodObligations`. */
export interface OpenedObligation {
  readonly id: string;
  readonly unitId: string;
  readonly taskId: string;
  readonly period: string;
  readonly dueAt: Instant;
  readonly openedAt: Instant;
  /**
   * Whether the same unit's report for the same task in the previous period is overdue, as known at opening
   * (usually not yet: its due date comes later). The workflow asks again with `checkPreviousPeriod` once its own
   * due date has passed, when it matters.
   */
  readonly previousPeriodOverdue: boolean;
  /** The plan's ladder settings, when they differ from the default. */
  readonly ladder?: Partial<EscalationLadder>;
}

export interface CheckPreviousPeriodInput {
  readonly obligationId: string;
}

export interface CheckPreviousPeriodResult {
  /** The previous period's report (same task and unit) was late, or is still missing past its due date. */
  readonly overdue: boolean;
}

export interface ObligationPage {
  readonly obligations: readonly OpenedObligation[];
  readonly nextCursor: string | null;
}

/** What every issued ladder step carries: enough for the audit trail and for the notice texts. */
export interface StepRecord {
  readonly obligationId: string;
  readonly unitId: string;
  readonly period: string;
  readonly kind: ObligationStepKind;
  readonly round: number;
  /** `noticeDedupKey(obligationId, kind, round)`: the step's UNIQUE key. */
  readonly dedupKey: string;
  readonly recipients: readonly RecipientRole[];
  /** Where the ladder placed the step. */
  readonly scheduledAt: Instant;
  /** When it was issued (workflow time). */
  readonly issuedAt: Instant;
  /** Lower steps that will never be issued in this round, for the audit trail. */
  readonly supersedes: readonly ObligationStepKind[];
  readonly provisionalCalendar: boolean;
}

/** A reminder or a warning (催报, 黄色/红色预警). */
export type RecordStepInput = StepRecord;

/** A supervision case (挂牌督办) with its rectification deadline (整改期限). */
export interface OpenCaseInput extends StepRecord {
  readonly trigger: SupervisionTrigger;
  readonly rectificationDeadline: Instant;
}

export interface OpenCaseResult {
  readonly caseId: string;
}

/** The interview (约谈) a case still open after its rectification deadline calls for. */
export interface ScheduleInterviewInput {
  readonly caseId: string;
  readonly unitId: string;
  /** `noticeDedupKey(supervisionSubjectId(caseId), 'interview')`. */
  readonly dedupKey: string;
  readonly recipients: readonly RecipientRole[];
  readonly scheduledAt: Instant;
  readonly issuedAt: Instant;
  readonly provisionalCalendar: boolean;
}

/** An interview's appointment as its workflow follows it. */
export interface InterviewAppointment {
  readonly startsAt: Instant;
  readonly place: string;
  /** 1 for the first appointment, + 1 per move (the database's `appointmentOf`). */
  readonly version: number;
}

export interface ScheduleInterviewResult {
  /**
   * `null`: the case was closed (销号) in the database before the step ran, its verification still on the way to
   * the workflow as a signal; nothing was scheduled.
   */
  readonly interviewId: string | null;
  /**
   * The appointment the step's summons announced (its invitation went out with it), for the interview's workflow.
   * `null`: the case already had an interview of the office's own, which its own workflow follows; no child is
   * started. Absent in histories written before it existed: the child starts without an appointment.
   */
  readonly appointment?: InterviewAppointment | null;
}

/**
 * The notices that are not part of a recorded step. A step's own notices (reminders, warnings, the case, the
 * interview's summons) are written by the activity that records the step, in the step's transaction, by the same
 * services the embedded engine calls (`StepIssuer`), and the assessment's release and publication notices by
 * `openAppealWindow` / `publishAssessment` (`AssessmentRuns`): a step never exists without its notices, and a
 * retried step finds them by key. Only these are sent on their own:
 * - `interview_invite`: the interview's current appointment (time, place, invite.ics), once per appointment;
 * - `interview_reminder`: the office opening of the working day before the interview;
 * - `assessment_review`: the office is asked to review a newly scored draft.
 */
export type NoticeKind = 'interview_invite' | 'interview_reminder' | 'assessment_review';

export interface NoticeSubject {
  readonly type: 'interview' | 'assessment';
  /** The interview's id, or the assessment run's id. */
  readonly id: string;
}

/**
 * In-app notices and emails (through the outbox, delivered by the API) to the holders of `recipients`; the
 * notice services pick the people from the subject (the interview's unit and government, the plan's office).
 * Each recipient's message is keyed `recipientDedupKey(dedupKey, recipient)` on a UNIQUE column, so a retried
 * activity sends nothing twice; `delivered` counts only the messages this call wrote.
 */
export interface SendNoticesInput {
  readonly dedupKey: string;
  readonly kind: NoticeKind;
  readonly subject: NoticeSubject;
  readonly unitId: string | null;
  readonly recipients: readonly RecipientRole[];
  readonly issuedAt: Instant;
  /** Values the workflow knew when it decided (the appointment it saw), for the logs and the audit trail. */
  readonly facts?: Readonly<Record<string, string | number>>;
}

export interface SendNoticesResult {
  readonly delivered: number;
}

export interface EscalationActivities {
  loadCalendar(input: CalendarYearsInput): Promise<CalendarData>;
  openPeriodObligations(input: OpenPeriodObligationsInput): Promise<ObligationPage>;
  checkPreviousPeriod(input: CheckPreviousPeriodInput): Promise<CheckPreviousPeriodResult>;
  recordStep(input: RecordStepInput): Promise<void>;
  openCase(input: OpenCaseInput): Promise<OpenCaseResult>;
  scheduleInterview(input: ScheduleInterviewInput): Promise<ScheduleInterviewResult>;
}

/** The notices that are no part of a recorded step (see `NoticeKind`). */
export interface NoticeActivities {
  sendNotices(input: SendNoticesInput): Promise<SendNoticesResult>;
}

export interface ScoreAssessmentInput {
  readonly planId: string;
  readonly year: number;
  /** 1 for the first draft; each revision (after review or a successful appeal) scores again. */
  readonly revision: number;
}

export interface ScoreAssessmentResult {
  readonly assessmentId: string;
  readonly units: number;
}

export interface OpenAppealWindowInput {
  readonly assessmentId: string;
  readonly revision: number;
  readonly appealDeadline: Instant;
}

export interface PublishAssessmentInput {
  readonly assessmentId: string;
  readonly revision: number;
  readonly publishedAt: Instant;
}

/** Year-end assessment (考核): the scoring arrives with the assessment lib; the workflow needs only this contract. */
export interface AssessmentActivities {
  scoreAssessment(input: ScoreAssessmentInput): Promise<ScoreAssessmentResult>;
  openAppealWindow(input: OpenAppealWindowInput): Promise<void>;
  publishAssessment(input: PublishAssessmentInput): Promise<void>;
}

/** Codes that mean "this will never succeed": retrying would only delay the workflow's reaction. */
const NON_RETRYABLE_CODES: ReadonlySet<DomainErrorCode> = new Set<DomainErrorCode>([
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'UNPROCESSABLE',
  'PAYLOAD_TOO_LARGE',
]);

/**
 * Runs `work`, turning domain errors that cannot succeed on retry into `ApplicationFailure.nonRetryable` (type =
 * the code, so workflows can tell them apart). Anything else (a lost database connection, `LOCKED`,
 * `UNAVAILABLE`) is rethrown and retried by the activity's retry policy.
 */
export async function asActivity<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && NON_RETRYABLE_CODES.has(error.code)) {
      throw ApplicationFailure.nonRetryable(error.message, error.code, error.fields ?? null);
    }
    if (error instanceof PolicyError) {
      throw ApplicationFailure.nonRetryable(error.message, error.code);
    }
    throw error;
  }
}

/** The escalation activities over the services that do the work (the same ones the embedded engine calls). */
export function createEscalationActivities(deps: EscalationActivities): EscalationActivities {
  return {
    loadCalendar: (input) => asActivity(() => deps.loadCalendar(input)),
    openPeriodObligations: (input) => asActivity(() => deps.openPeriodObligations(input)),
    checkPreviousPeriod: (input) => asActivity(() => deps.checkPreviousPeriod(input)),
    recordStep: (input) => asActivity(() => deps.recordStep(input)),
    openCase: (input) => asActivity(() => deps.openCase(input)),
    scheduleInterview: (input) => asActivity(() => deps.scheduleInterview(input)),
  };
}

export function createNoticeActivities(deps: NoticeActivities): NoticeActivities {
  return {
    sendNotices: (input) => asActivity(() => deps.sendNotices(input)),
  };
}

export function createAssessmentActivities(deps: AssessmentActivities): AssessmentActivities {
  return {
    scoreAssessment: (input) => asActivity(() => deps.scoreAssessment(input)),
    openAppealWindow: (input) => asActivity(() => deps.openAppealWindow(input)),
    publishAssessment: (input) => asActivity(() => deps.publishAssessment(input)),
  };
}
