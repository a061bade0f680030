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
import type { AssessmentActivities, EscalationActivities, NoticeKind } from './activities';
import {
  calendarRange,
  DATABASE_ACTIVITY,
  loadWorkingCalendar,
  withRejection,
  type RejectedSignal,
} from './workflow-support';

/**
 * The year-end assessment (考核) of one plan, id `assessment:{planId}:{year}`, carrying its human steps:
 * score a draft → the office reviews it (or sends it back for another draft) → the preliminary results are shown
 * to the units for an appeal window of working days (公示) → appeals are resolved (a successful one re-scores and
 * goes back to review) → the office approves publication → published. Scoring is an activity; its rules arrive
 * with the assessment lib.
 */

export interface AssessmentReviewedSignal {
  readonly approved: boolean;
  readonly note?: string;
}
export interface AppealFiledSignal {
  readonly appealId: string;
  readonly unitId: string;
}
export interface AppealResolvedSignal {
  readonly appealId: string;
  /** Whether the appeal changed a score: the assessment is scored again and reviewed again. */
  readonly rescored: boolean;
}

export const assessmentReviewedSignal = defineSignal<[AssessmentReviewedSignal]>('assessmentReviewed');
export const appealFiledSignal = defineSignal<[AppealFiledSignal]>('appealFiled');
export const appealResolvedSignal = defineSignal<[AppealResolvedSignal]>('appealResolved');
export const publicationApprovedSignal = defineSignal('publicationApproved');

export type AssessmentStage =
  'scoring' | 'in_review' | 'appeal_window' | 'resolving_appeals' | 'awaiting_publication' | 'published' | 'cancelled';

export interface AssessmentStatus {
  readonly planId: string;
  readonly year: number;
  readonly stage: AssessmentStage;
  readonly revision: number;
  readonly assessmentId: string | null;
  readonly appealDeadline: Instant | null;
  readonly openAppeals: readonly string[];
  readonly resolvedAppeals: number;
  readonly rejectedSignals: readonly RejectedSignal[];
}

export const assessmentStatusQuery = defineQuery<AssessmentStatus>('status');

export interface YearEndAssessmentInput {
  readonly planId: string;
  readonly year: number;
  /** Length of the appeal window in working days; default 5. */
  readonly appealWorkingDays?: number;
  readonly calendar?: CalendarData;
}

export type YearEndAssessmentResult = Omit<AssessmentStatus, 'rejectedSignals' | 'openAppeals'> & {
  readonly publishedAt: Instant | null;
};

export const DEFAULT_APPEAL_WORKING_DAYS = 5;

const escalation = proxyActivities<EscalationActivities>(DATABASE_ACTIVITY);
// Scoring a whole plan reads every unit's year: give it longer than a single write.
const assessment = proxyActivities<AssessmentActivities>({ ...DATABASE_ACTIVITY, startToCloseTimeout: '10 minutes' });

interface AssessmentState {
  stage: AssessmentStage;
  revision: number;
  assessmentId: string | null;
  appealDeadline: Instant | null;
  review: AssessmentReviewedSignal | null;
  openAppeals: Set<string>;
  resolvedAppeals: number;
  rescoreRequested: boolean;
  publicationApproved: boolean;
  rejectedSignals: RejectedSignal[];
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
    review: null,
    openAppeals: new Set(),
    resolvedAppeals: 0,
    rescoreRequested: false,
    publicationApproved: false,
    rejectedSignals: [],
  };
  const reject = (signal: string, reason: string): void => {
    log.warn('signal ignored', { planId: input.planId, year: input.year, signal, reason });
    state.rejectedSignals = withRejection(state.rejectedSignals, { signal, reason, at: Date.now() });
  };
  setHandler(assessmentReviewedSignal, (review) => {
    if (state.stage !== 'in_review') {
      reject('assessmentReviewed', `stage is ${state.stage}`);
      return;
    }
    state.review = review;
  });
  setHandler(appealFiledSignal, ({ appealId }) => {
    if (state.stage !== 'appeal_window') {
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
    state.rescoreRequested ||= rescored;
  });
  setHandler(publicationApprovedSignal, () => {
    if (state.stage !== 'awaiting_publication') {
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
  let publishedAt: Instant | null = null;
  try {
    await scoreUntilApproved(input, state);
    const now = Date.now();
    const opening = localDateOf(calendar.firstWorkingInstantAtOrAfter(now));
    const appealDeadline = calendar.officeEnd(calendar.addWorkingDays(opening, appealDays));
    const assessmentId = state.assessmentId ?? '';
    await assessment.openAppealWindow({ assessmentId, revision: state.revision, appealDeadline });
    Object.assign(state, { stage: 'appeal_window', appealDeadline });
    await notify(input, state, 'assessment_appeal_window', ['unit_liaison', 'unit_head'], now);
    await sleep(appealDeadline - Date.now());
    state.stage = 'resolving_appeals';
    await condition(() => state.openAppeals.size === 0);
    if (state.rescoreRequested) {
      await scoreUntilApproved(input, state);
    }
    state.stage = 'awaiting_publication';
    await condition(() => state.publicationApproved);
    publishedAt = Date.now();
    await assessment.publishAssessment({
      assessmentId: state.assessmentId ?? '',
      revision: state.revision,
      publishedAt,
    });
    state.stage = 'published';
    await notify(input, state, 'assessment_published', ['unit_liaison', 'unit_head', 'office_admin'], publishedAt);
  } catch (error) {
    if (!isCancellation(error)) {
      throw error;
    }
    state.stage = 'cancelled';
  }
  return {
    planId: input.planId,
    year: input.year,
    stage: state.stage,
    revision: state.revision,
    assessmentId: state.assessmentId,
    appealDeadline: state.appealDeadline,
    resolvedAppeals: state.resolvedAppeals,
    publishedAt,
  };
}

/** Scores a new revision and waits for the office's review, as many times as the office sends it back. */
async function scoreUntilApproved(input: YearEndAssessmentInput, state: AssessmentState): Promise<void> {
  for (;;) {
    state.stage = 'scoring';
    state.revision++;
    const { assessmentId } = await assessment.scoreAssessment({
      planId: input.planId,
      year: input.year,
      revision: state.revision,
    });
    Object.assign(state, { assessmentId, review: null, stage: 'in_review' });
    await notify(input, state, 'assessment_review', ['office_admin'], Date.now());
    await condition(() => state.review !== null);
    if (state.review?.approved) {
      return;
    }
  }
}

async function notify(
  input: YearEndAssessmentInput,
  state: AssessmentState,
  kind: NoticeKind,
  recipients: Array<'unit_liaison' | 'unit_head' | 'office_admin'>,
  issuedAt: Instant,
): Promise<void> {
  await escalation.sendNotices({
    dedupKey: `notice:assessment:${input.planId}:${input.year}:${kind}:v${state.revision}`,
    kind,
    subject: { type: 'assessment', id: state.assessmentId ?? `${input.planId}:${input.year}` },
    unitId: null,
    recipients,
    issuedAt,
    ...(state.appealDeadline !== null ? { facts: { appealDeadline: state.appealDeadline } } : {}),
  });
}

function statusOf(input: YearEndAssessmentInput, state: AssessmentState): AssessmentStatus {
  return {
    planId: input.planId,
    year: input.year,
    stage: state.stage,
    revision: state.revision,
    assessmentId: state.assessmentId,
    appealDeadline: state.appealDeadline,
    openAppeals: [...state.openAppeals],
    resolvedAppeals: state.resolvedAppeals,
    rejectedSignals: [...state.rejectedSignals],
  };
}
