import {
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import { localDateOf, type Instant } from '../policy/shanghai-time';
import type { CalendarData } from '../policy/working-calendar';
import type { AssessmentActivities, EscalationActivities, NoticeActivities } from './activities';
import {
  calendarRange,
  DATABASE_ACTIVITY,
  domainRejection,
  loadWorkingCalendar,
  withRejection,
  type RejectedSignal,
} from './workflow-support';

/**
 * The year-end assessment (考核) of one plan, id `assessment:{planId}:{year}`, carrying its human steps:
 * score a draft → the office reviews it (or sends it back for another draft) → the preliminary results are shown
 * to the units for an appeal window of working days (公示) → appeals are resolved → the office approves
 * publication → published. Each step is an activity over `AssessmentRuns`, the service the API's buttons call: the
 * release and the publication write the units' notices in their own transactions. A released run is never scored
 * again: an upheld appeal adjusts the unit's result in the database (`AssessmentAppeals`), and the office's
 * approval of publication is its review of the adjusted results.
 *
 * In the API's Temporal mode the office acts through the API, which writes the database first and then signals
 * (`TemporalAssessmentCommands` of `@app/assessment`): the release carries its appeal deadline, and the workflow's
 * steps find the run already there (each activity is a no-op for a run past it). Signals may therefore arrive
 * while an activity still runs: a review during scoring applies to the draft being scored, appeals are counted in
 * any stage before publication, and publication, which the database allows only after the window with every appeal
 * decided, is taken in any stage and ends the wait for appeals.
 */

export interface AssessmentReviewedSignal {
  readonly approved: boolean;
  readonly note?: string;
  /**
   * The appeal deadline of a release the API already wrote (the scheme's working days, from the release day):
   * the workflow keeps it instead of computing its own.
   */
  readonly appealDeadline?: Instant;
}
export interface AppealFiledSignal {
  readonly appealId: string;
  readonly unitId: string;
}
export interface AppealResolvedSignal {
  readonly appealId: string;
  /** Whether the appeal changed a score (an adjustment already written with the decision); counted in the status. */
  readonly rescored: boolean;
}

export const assessmentReviewedSignal = defineSignal<[AssessmentReviewedSignal]>('assessmentReviewed');
export const appealFiledSignal = defineSignal<[AppealFiledSignal]>('appealFiled');
export const appealResolvedSignal = defineSignal<[AppealResolvedSignal]>('appealResolved');
export const publicationApprovedSignal = defineSignal('publicationApproved');

/** `aborted`: the database refused a step (e.g. the plan is not published); `abortReason` says why. */
export type AssessmentStage =
  | 'scoring'
  | 'in_review'
  | 'appeal_window'
  | 'resolving_appeals'
  | 'awaiting_publication'
  | 'published'
  | 'cancelled'
  | 'aborted';

export interface AssessmentStatus {
  readonly planId: string;
  readonly year: number;
  readonly stage: AssessmentStage;
  readonly revision: number;
  readonly assessmentId: string | null;
  readonly appealDeadline: Instant | null;
  readonly publishedAt: Instant | null;
  readonly openAppeals: readonly string[];
  readonly resolvedAppeals: number;
  /** Resolved appeals that changed a score. */
  readonly upheldAppeals: number;
  readonly rejectedSignals: readonly RejectedSignal[];
  readonly abortReason?: string;
}

export const assessmentStatusQuery = defineQuery<AssessmentStatus>('status');

export interface YearEndAssessmentInput {
  readonly planId: string;
  readonly year: number;
  /** Length of the appeal window in working days; default 5. */
  readonly appealWorkingDays?: number;
  readonly calendar?: CalendarData;
}

export type YearEndAssessmentResult = Omit<AssessmentStatus, 'rejectedSignals' | 'openAppeals'>;

export const DEFAULT_APPEAL_WORKING_DAYS = 5;

const escalation = proxyActivities<EscalationActivities & NoticeActivities>(DATABASE_ACTIVITY);
// Scoring a whole plan reads every unit's year: give it longer than a single write.
const assessment = proxyActivities<AssessmentActivities>({ ...DATABASE_ACTIVITY, startToCloseTimeout: '10 minutes' });

interface AssessmentState {
  stage: AssessmentStage;
  revision: number;
  assessmentId: string | null;
  appealDeadline: Instant | null;
  publishedAt: Instant | null;
  review: AssessmentReviewedSignal | null;
  openAppeals: Set<string>;
  resolvedAppeals: number;
  upheldAppeals: number;
  publicationApproved: boolean;
  rejectedSignals: RejectedSignal[];
  abortReason?: string;
}

export async function yearEndAssessmentWorkflow(input: YearEndAssessmentInput): Promise<YearEndAssessmentResult> {
  const appealDays = input.appealWorkingDays ?? DEFAULT_APPEAL_WORKING_DAYS;
  if (!Number.isInteger(appealDays) || appealDays < 1 || appealDays > 60) {
    throw ApplicationFailure.nonRetryable(`appealWorkingDays must be an integer in 1–60: ${appealDays}`, 'VALIDATION');
  }
  const state: AssessmentState = {
    stage: 'scoring',
    revision: 0,
    assessmentId: null,
    appealDeadline: null,
    publishedAt: null,
    review: null,
    openAppeals: new Set(),
    resolvedAppeals: 0,
    upheldAppeals: 0,
    publicationApproved: false,
    rejectedSignals: [],
  };
  const reject = (signal: string, reason: string): void => {
    log.warn('signal ignored', { planId: input.planId, year: input.year, signal, reason });
    state.rejectedSignals = withRejection(state.rejectedSignals, { signal, reason, at: Date.now() });
  };
  const ended = (): boolean => ['published', 'cancelled', 'aborted'].includes(state.stage);
  setHandler(assessmentReviewedSignal, (review) => {
    if (state.stage !== 'in_review' && state.stage !== 'scoring') {
      reject('assessmentReviewed', `stage is ${state.stage}`);
      return;
    }
    state.review = review;
  });
  setHandler(appealFiledSignal, ({ appealId }) => {
    if (ended()) {
      reject('appealFiled', `stage is ${state.stage}`);
      return;
    }
    state.openAppeals.add(appealId);
  });
  setHandler(appealResolvedSignal, ({ appealId, rescored }) => {
    if (!state.openAppeals.delete(appealId)) {
      reject('appealResolved', `appeal ${appealId} is not open`);
      return;
    }
    state.resolvedAppeals++;
    state.upheldAppeals += rescored ? 1 : 0;
  });
  setHandler(publicationApprovedSignal, () => {
    if (ended()) {
      reject('publicationApproved', `stage is ${state.stage}`);
      return;
    }
    state.publicationApproved = true;
  });
  setHandler(assessmentStatusQuery, () => statusOf(input, state));

  const startedAt = Date.now();
  const calendar = await loadWorkingCalendar(
    escalation.loadCalendar,
    input.calendar,
    calendarRange(startedAt, startedAt),
  );
  try {
    await scoreUntilApproved(input, state);
    const opening = localDateOf(calendar.firstWorkingInstantAtOrAfter(Date.now()));
    const appealDeadline =
      state.review?.appealDeadline ?? calendar.officeEnd(calendar.addWorkingDays(opening, appealDays));
    const assessmentId = state.assessmentId ?? '';
    await assessment.openAppealWindow({ assessmentId, revision: state.revision, appealDeadline });
    Object.assign(state, { stage: 'appeal_window', appealDeadline });
    await sleep(appealDeadline - Date.now());
    state.stage = 'resolving_appeals';
    await condition(() => state.openAppeals.size === 0 || state.publicationApproved);
    state.stage = 'awaiting_publication';
    await condition(() => state.publicationApproved);
    const publishedAt = Date.now();
    await assessment.publishAssessment({
      assessmentId: state.assessmentId ?? '',
      revision: state.revision,
      publishedAt,
    });
    Object.assign(state, { stage: 'published', publishedAt });
  } catch (error) {
    if (isCancellation(error)) {
      state.stage = 'cancelled';
    } else {
      const rejection = domainRejection(error);
      if (rejection === undefined) {
        throw error;
      }
      log.error('assessment aborted: the database refused a step', { planId: input.planId, rejection });
      Object.assign(state, { stage: 'aborted', abortReason: rejection });
    }
  }
  return resultOf(input, state);
}

/** Scores a new revision and waits for the office's review, as many times as the office sends it back. */
async function scoreUntilApproved(input: YearEndAssessmentInput, state: AssessmentState): Promise<void> {
  for (;;) {
    Object.assign(state, { stage: 'scoring', review: null });
    state.revision++;
    const { assessmentId } = await assessment.scoreAssessment({
      planId: input.planId,
      year: input.year,
      revision: state.revision,
    });
    Object.assign(state, { assessmentId, stage: 'in_review' });
    // A review that arrived while scoring (the API released the draft meanwhile) needs no request.
    if (state.review === null) {
      await askForReview(input, state);
    }
    await condition(() => state.review !== null);
    if (state.review?.approved) {
      return;
    }
  }
}

/** The office learns that a draft waits for its review; the units hear of it only when it is released. */
async function askForReview(input: YearEndAssessmentInput, state: AssessmentState): Promise<void> {
  const assessmentId = state.assessmentId ?? '';
  await escalation.sendNotices({
    dedupKey: `notice:assessment:${input.planId}:${input.year}:assessment_review:v${state.revision}`,
    kind: 'assessment_review',
    subject: { type: 'assessment', id: assessmentId },
    unitId: null,
    recipients: ['office_admin'],
    issuedAt: Date.now(),
    facts: { revision: state.revision },
  });
}

function resultOf(input: YearEndAssessmentInput, state: AssessmentState): YearEndAssessmentResult {
  return {
    planId: input.planId,
    year: input.year,
    stage: state.stage,
    revision: state.revision,
    assessmentId: state.assessmentId,
    appealDeadline: state.appealDeadline,
    publishedAt: state.publishedAt,
    resolvedAppeals: state.resolvedAppeals,
    upheldAppeals: state.upheldAppeals,
    ...(state.abortReason !== undefined ? { abortReason: state.abortReason } : {}),
  };
}

function statusOf(input: YearEndAssessmentInput, state: AssessmentState): AssessmentStatus {
  return {
    ...resultOf(input, state),
    openAppeals: [...state.openAppeals],
    rejectedSignals: [...state.rejectedSignals],
  };
}
