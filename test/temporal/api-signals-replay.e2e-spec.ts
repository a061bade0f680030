import {
  interviewWorkflowId,
  loadCalendarData,
  supervisionCaseWorkflowId,
  type InterviewWorkflowInput,
  type SupervisionCaseWorkflowInput,
  type YearEndAssessmentInput,
} from '@app/workflows';
import { instantOf, localTimeOf, type LocalTime } from '../scenarios';
import { HistoryBuilder } from './history-builder';
import type { RecordedCall } from './recorder.interceptors';
import { bundleWithRecorder, replayAll, type ReplayOutcome } from './replay';

/**
 * The workflows as the API's Temporal mode drives them: the database is written first and the workflow learns of
 * it by signal, sometimes while one of its activities still runs, sometimes after the database went further (a
 * case closed before its interview was due). Histories written by hand with the builder, replayed through the
 * production bundle with the recorder.
 */
describe('Temporal replay of the API-driven paths', () => {
  const calendar = loadCalendarData({ fromYear: 2026, toYear: 2028 }).data;
  let outcome: ReplayOutcome;

  /** One activity in its own workflow task, completed a second later; returns nothing to keep. */
  function activity(h: HistoryBuilder, seq: number, type: string, result: unknown): void {
    const task = h.workflowTask();
    const scheduled = h.scheduleActivity(task, seq, type, {});
    h.at(h.now + 1_000).completeActivity(scheduled, result);
  }

  const interviewInput: InterviewWorkflowInput = {
    interviewId: 'i-1',
    caseId: 'c-1',
    unitId: 'u-agri',
    appointment: { startsAt: instantOf('2026-10-14 10:00'), place: '领导小组办公室会议室', version: 1 },
  };

  /**
   * Started with the appointment of the summons: no invitation (it went with the summons), the reminder waits for
   * 13 October 09:00; the office moves it (appointment 2, delivered twice), so the invitation of appointment 2 goes
   * out and the reminder moves to 14 October; then the interview is held.
   */
  function interviewHistory(): HistoryBuilder {
    const h = new HistoryBuilder({
      workflowType: 'interviewWorkflow',
      workflowId: interviewWorkflowId('i-1'),
      runId: 'interview#moved',
      input: interviewInput,
      startedAt: instantOf('2026-10-09 09:00') + 5_000,
    });
    activity(h, 1, 'loadCalendar', calendar);
    let task = h.workflowTask();
    const firstReminder = h.startTimer(task, 1, instantOf('2026-10-13 09:00') - h.now);
    const moved = { startsAt: instantOf('2026-10-15 10:00'), place: '市生态环境局三楼会议室', appointment: 2 };
    h.at(instantOf('2026-10-09 14:00')).signal('interviewScheduled', moved);
    h.at(instantOf('2026-10-09 14:00') + 1_000).signal('interviewScheduled', moved);
    task = h.workflowTask();
    h.cancelTimer(task, 1, firstReminder);
    const invite = h.scheduleActivity(task, 2, 'sendNotices', {});
    h.at(h.now + 1_000).completeActivity(invite, { delivered: 3 });
    task = h.workflowTask();
    const reminder = h.startTimer(task, 2, instantOf('2026-10-14 09:00') - h.now);
    h.at(instantOf('2026-10-14 09:00')).fireTimer(2, reminder);
    activity(h, 3, 'sendNotices', { delivered: 3 });
    h.workflowTask();
    h.at(instantOf('2026-10-15 12:00')).signal('interviewHeld', {});
    task = h.workflowTask();
    h.complete(task, {});
    return h;
  }

  const caseInput: SupervisionCaseWorkflowInput = {
    caseId: 'c-2',
    unitId: 'u-agri',
    obligationId: 'o-2026-08',
    openedAt: instantOf('2026-09-17 09:00'),
    rectificationDeadline: instantOf('2026-10-08 18:00'),
  };

  /** Waits for the deadline, then asks for the interview; the activity answers from the database. */
  function caseHistory(runId: string, interview: unknown): { h: HistoryBuilder; task: number } {
    const h = new HistoryBuilder({
      workflowType: 'supervisionCaseWorkflow',
      workflowId: supervisionCaseWorkflowId('c-2'),
      runId,
      input: caseInput,
      startedAt: instantOf('2026-09-17 09:00') + 3_000,
    });
    activity(h, 1, 'loadCalendar', calendar);
    const task = h.workflowTask();
    const timer = h.startTimer(task, 1, instantOf('2026-10-09 09:00') - h.now);
    h.at(instantOf('2026-10-09 09:00')).fireTimer(1, timer);
    activity(h, 2, 'scheduleInterview', interview);
    return { h, task: h.workflowTask() };
  }

  /** The case was closed (销号) in the database while its verification's signal was still on the way. */
  function closedCaseHistory(): HistoryBuilder {
    const { h, task } = caseHistory('case#closed-first', { interviewId: null });
    h.complete(task, {});
    return h;
  }

  const summoned = { startsAt: instantOf('2026-10-14 10:00'), place: '领导小组办公室会议室', version: 1 };

  /** The interview of the summons: its workflow starts with the appointment; the case then waits for closure. */
  function summonedCaseHistory(): HistoryBuilder {
    const { h, task } = caseHistory('case#summoned', { interviewId: 'i-2', appointment: summoned });
    const child = { workflowId: interviewWorkflowId('i-2'), workflowType: 'interviewWorkflow', input: {} };
    const initiated = h.initiateChild(task, child);
    h.at(h.now + 500).childStarted(initiated, { ...child, runId: 'i-2#run1' });
    h.workflowTask();
    h.at(instantOf('2026-10-22 15:00')).signal('caseVerified', { approved: true });
    h.complete(h.workflowTask(), {});
    return h;
  }

  /** The office had arranged an interview for the case already: it counts, and no second one is called. */
  function arrangedCaseHistory(): HistoryBuilder {
    const { h } = caseHistory('case#arranged', { interviewId: 'i-3', appointment: null });
    h.at(instantOf('2026-10-22 15:00')).signal('caseVerified', { approved: true });
    h.complete(h.workflowTask(), {});
    return h;
  }

  const assessmentInput: YearEndAssessmentInput = { planId: 'p-1', year: 2026 };
  const releasedDeadline = instantOf('2027-01-14 18:00');

  /**
   * The office releases the draft through the API while the workflow still scores it: the release (with the
   * scheme's deadline, not the workflow's five days) arrives during scoring, so no review is asked for; an appeal is
   * filed before the window opens in the workflow, its decision never arrives, and the publication, which the
   * database allowed, arrives a moment before the workflow's own timer.
   */
  function releasedAssessmentHistory(): HistoryBuilder {
    const h = new HistoryBuilder({
      workflowType: 'yearEndAssessmentWorkflow',
      workflowId: 'assessment:p-1:2026',
      runId: 'assessment#api',
      input: assessmentInput,
      startedAt: instantOf('2027-01-11 10:00'),
    });
    activity(h, 1, 'loadCalendar', calendar);
    let task = h.workflowTask();
    const scoring = h.scheduleActivity(task, 2, 'scoreAssessment', {});
    h.at(instantOf('2027-01-11 10:05')).signal('assessmentReviewed', {
      approved: true,
      appealDeadline: releasedDeadline,
    });
    h.workflowTask();
    h.at(h.now + 1_000).completeActivity(scoring, { assessmentId: 'a-1', units: 12 });
    task = h.workflowTask();
    const opening = h.scheduleActivity(task, 3, 'openAppealWindow', {});
    h.at(instantOf('2027-01-11 10:06')).signal('appealFiled', { appealId: 'ap-1', unitId: 'u-b' });
    h.workflowTask();
    h.at(h.now + 1_000).completeActivity(opening, undefined);
    task = h.workflowTask();
    const window = h.startTimer(task, 1, releasedDeadline - h.now);
    h.at(releasedDeadline - 2_000).signal('publicationApproved', undefined);
    h.workflowTask();
    h.at(releasedDeadline).fireTimer(1, window);
    activity(h, 4, 'publishAssessment', undefined);
    h.complete(h.workflowTask(), {});
    return h;
  }

  beforeAll(async () => {
    const code = await bundleWithRecorder();
    outcome = await replayAll(code, [
      { runId: 'interview#moved', history: interviewHistory().build() },
      { runId: 'case#closed-first', history: closedCaseHistory().build() },
      { runId: 'case#summoned', history: summonedCaseHistory().build() },
      { runId: 'case#arranged', history: arrangedCaseHistory().build() },
      { runId: 'assessment#api', history: releasedAssessmentHistory().build() },
    ]);
    for (const [runId, result] of outcome.results) {
      expect([runId, result.error]).toEqual([runId, undefined]);
    }
  });

  const callsOf = (runId: string): readonly RecordedCall[] => outcome.calls.get(runId) ?? [];

  describe('interviewWorkflow', () => {
    it('should send no invitation for the appointment it starts with, and remind the working day before', () => {
      const calls = callsOf('interview#moved');
      expect(timerTargets(calls)[0]).toBe('2026-10-13 09:00');
      expect(activities(calls)[0]).toBe('loadCalendar');
    });

    it("should invite to a moved appointment once, under the database's appointment number, and move the reminder", () => {
      const calls = callsOf('interview#moved');
      expect(timerTargets(calls)).toEqual(['2026-10-13 09:00', '2026-10-14 09:00']);
      const notices = calls.flatMap((call) =>
        call.type === 'activity' && call.activityType === 'sendNotices' ? [plain(call.input)] : [],
      );
      expect(notices).toEqual([
        expect.objectContaining({
          kind: 'interview_invite',
          dedupKey: 'notice:interview:i-1:invite:v2',
          facts: { startsAt: instantOf('2026-10-15 10:00'), place: '市生态环境局三楼会议室', caseId: 'c-1' },
        }),
        expect.objectContaining({ kind: 'interview_reminder', dedupKey: 'notice:interview:i-1:reminder:v2' }),
      ]);
      expect(resultOf(calls)).toEqual({
        interviewId: 'i-1',
        status: 'held',
        startsAt: instantOf('2026-10-15 10:00'),
        place: '市生态环境局三楼会议室',
        version: 2,
      });
    });
  });

  describe('supervisionCaseWorkflow', () => {
    it('should call nobody and end closed when the database closed the case before the interview was due', () => {
      const calls = callsOf('case#closed-first');
      expect(timerTargets(calls)).toEqual(['2026-10-09 09:00']);
      expect(calls.some((call) => call.type === 'child')).toBe(false);
      expect(resultOf(calls)).toEqual({
        caseId: 'c-2',
        status: 'closed',
        rectificationDeadline: caseInput.rectificationDeadline,
        steps: [],
        interviewIds: [],
      });
    });

    it("should start the interview's workflow with the appointment of the summons", () => {
      const child = callsOf('case#summoned').find((call) => call.type === 'child');
      expect(plain(child)).toMatchObject({
        workflowType: 'interviewWorkflow',
        workflowId: interviewWorkflowId('i-2'),
        input: { interviewId: 'i-2', caseId: 'c-2', unitId: 'u-agri', appointment: summoned },
      });
      expect(resultOf(callsOf('case#summoned'))).toMatchObject({ status: 'closed', interviewIds: ['i-2'] });
    });

    it('should count an interview the office arranged as the step, starting no workflow for it', () => {
      const calls = callsOf('case#arranged');
      expect(calls.some((call) => call.type === 'child')).toBe(false);
      expect(resultOf(calls)).toMatchObject({
        status: 'closed',
        interviewIds: ['i-3'],
        steps: [{ kind: 'interview', at: instantOf('2026-10-09 09:00'), round: 0 }],
      });
    });
  });

  describe('yearEndAssessmentWorkflow', () => {
    it('should ask for no review when the release arrives while it scores, and keep the release deadline', () => {
      const calls = callsOf('assessment#api');
      expect(activities(calls)).toEqual(['loadCalendar', 'scoreAssessment', 'openAppealWindow', 'publishAssessment']);
      const window = calls.find((call) => call.type === 'activity' && call.activityType === 'openAppealWindow');
      expect(plain(window)).toMatchObject({
        input: { assessmentId: 'a-1', revision: 1, appealDeadline: releasedDeadline },
      });
      expect(timerTargets(calls)).toEqual([localTimeOf(releasedDeadline)]);
    });

    it('should publish after the window when the database published, though an appeal decision never arrived', () => {
      expect(resultOf(callsOf('assessment#api'))).toMatchObject({
        stage: 'published',
        revision: 1,
        appealDeadline: releasedDeadline,
        publishedAt: releasedDeadline,
        resolvedAppeals: 0,
      });
    });
  });
});

function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function activities(calls: readonly RecordedCall[]): string[] {
  return calls.flatMap((call) => (call.type === 'activity' ? [call.activityType] : []));
}

function timerTargets(calls: readonly RecordedCall[]): LocalTime[] {
  return calls.flatMap((call) => (call.type === 'timer' ? [localTimeOf(call.now + call.durationMs)] : []));
}

function resultOf(calls: readonly RecordedCall[]): Record<string, unknown> {
  const result = calls.find((call) => call.type === 'result');
  return result?.type === 'result' ? plain(result.value as Record<string, unknown>) : {};
}
