import {
  loadCalendarData,
  obligationWorkflowId,
  type ReportingObligationInput,
  type YearEndAssessmentInput,
} from '@app/workflows';
import { instantOf, localTimeOf } from '../scenarios';
import { HistoryBuilder } from './history-builder';
import type { RecordedCall } from './recorder.interceptors';
import { bundleWithRecorder, replayAll, type ReplayOutcome } from './replay';

/**
 * Paths the engine-neutral scenarios cannot reach: an obligation continuing as new mid-ladder when the server
 * suggests it, and the year-end assessment's human steps. Histories are written by hand with the builder.
 */
describe('Temporal workflow replay', () => {
  const calendar = loadCalendarData({ fromYear: 2026, toYear: 2028 }).data;
  let code: string;

  beforeAll(async () => {
    code = await bundleWithRecorder();
  });

  describe('reportingObligationWorkflow', () => {
    const input: ReportingObligationInput = {
      obligation: {
        id: 'o-can',
        unitId: 'u-agri',
        taskId: 't-soil-survey',
        period: '2026-03',
        dueAt: instantOf('2026-04-03 23:59'),
        openedAt: instantOf('2026-04-01 01:00'),
      },
      previousPeriodOverdue: false,
    };
    const carriedInput: ReportingObligationInput = {
      ...input,
      carried: {
        status: 'open',
        previousPeriodOverdue: false,
        round: 0,
        dueAt: input.obligation.dueAt,
        steps: [{ kind: 'reminder_before_due', at: instantOf('2026-04-01 09:00'), round: 0 }],
        supervisionCaseIds: [],
      },
    };

    /** Run 1: the first reminder, then the server suggests continue-as-new. */
    function firstRun(): HistoryBuilder {
      const h = new HistoryBuilder({
        workflowType: 'reportingObligationWorkflow',
        workflowId: obligationWorkflowId('o-can'),
        runId: 'o-can#run1',
        input,
        startedAt: instantOf('2026-04-01 01:00') + 2_000,
      });
      let task = h.workflowTask();
      const load = h.scheduleActivity(task, 1, 'loadCalendar', {});
      h.at(h.now + 1_000).completeActivity(load, calendar);
      task = h.workflowTask();
      const timer = h.startTimer(task, 1, instantOf('2026-04-01 09:00') - h.now);
      h.at(instantOf('2026-04-01 09:00')).fireTimer(1, timer);
      task = h.workflowTask();
      const record = h.scheduleActivity(task, 2, 'recordStep', {});
      h.at(h.now + 1_000).completeActivity(record, undefined);
      task = h.workflowTask(true);
      h.continueAsNew(task, carriedInput, 'o-can#run2');
      return h;
    }

    /** Run 2: carries the reminder, waits for the due-date reminder; the report arrives first and is accepted. */
    function secondRun(): HistoryBuilder {
      const h = new HistoryBuilder({
        workflowType: 'reportingObligationWorkflow',
        workflowId: obligationWorkflowId('o-can'),
        runId: 'o-can#run2',
        firstRunId: 'o-can#run1',
        continuedFromRunId: 'o-can#run1',
        input: carriedInput,
        startedAt: instantOf('2026-04-01 09:00') + 3_000,
      });
      let task = h.workflowTask();
      const load = h.scheduleActivity(task, 1, 'loadCalendar', {});
      h.at(h.now + 1_000).completeActivity(load, calendar);
      task = h.workflowTask();
      const timer = h.startTimer(task, 1, instantOf('2026-04-03 09:00') - h.now);
      h.at(instantOf('2026-04-02 15:00')).signal('submitted', { submissionId: 's-1' });
      task = h.workflowTask();
      h.cancelTimer(task, 1, timer);
      h.at(instantOf('2026-04-07 10:00')).signal('accepted', { submissionId: 's-1' });
      task = h.workflowTask();
      h.complete(task, {});
      return h;
    }

    let outcome: ReplayOutcome;
    beforeAll(async () => {
      outcome = await replayAll(code, [
        { runId: 'o-can#run1', history: firstRun().build() },
        { runId: 'o-can#run2', history: secondRun().build() },
      ]);
    });

    it('should continue as new when the server suggests it, carrying the issued steps', () => {
      expect(outcome.results.get('o-can#run1')?.error).toBeUndefined();
      const calls = outcome.calls.get('o-can#run1') ?? [];
      const continued = calls.find((call) => call.type === 'continueAsNew');
      expect(plain(continued)).toEqual({ type: 'continueAsNew', input: plain(carriedInput), now: expect.any(Number) });
    });

    it('should not issue a carried step again in the next run', () => {
      expect(outcome.results.get('o-can#run2')?.error).toBeUndefined();
      const calls = outcome.calls.get('o-can#run2') ?? [];
      expect(activityTypes(calls)).toEqual(['loadCalendar']);
      expect(timerTargets(calls)).toEqual(['2026-04-03 09:00']);
      const result = resultOf(calls);
      expect(result).toMatchObject({ status: 'accepted', round: 0 });
      expect(result.steps).toEqual([{ kind: 'reminder_before_due', at: instantOf('2026-04-01 09:00'), round: 0 }]);
    });
  });

  describe('reportingObligationWorkflow: the office changes the plan ladder', () => {
    const input: ReportingObligationInput = {
      obligation: {
        id: 'o-lad',
        unitId: 'u-agri',
        taskId: 't-soil-survey',
        period: '2026-03',
        dueAt: instantOf('2026-04-03 23:59'),
        openedAt: instantOf('2026-04-01 01:00'),
      },
      previousPeriodOverdue: false,
    };
    // No reminders, the yellow warning on the 2nd working day overdue: Qingming (4–6 April) makes that Wed 8 April.
    const newLadder = {
      reminderWorkingDaysBeforeDue: null,
      remindOnDueDate: false,
      yellowWarningAfterWorkingDays: 2,
      redWarningAfterWorkingDays: 5,
      supervisionAfterWorkingDays: 10,
    };

    /**
     * Waits for the default ladder's reminder (1 April 09:00); at 07:00 a ladder whose warnings run backwards arrives
     * and is refused; at 08:00 the new ladder: the reminder's timer is cancelled and the yellow warning planned. The
     * report comes in before it.
     */
    function history(): HistoryBuilder {
      const h = new HistoryBuilder({
        workflowType: 'reportingObligationWorkflow',
        workflowId: obligationWorkflowId('o-lad'),
        runId: 'o-lad#run1',
        input,
        startedAt: instantOf('2026-04-01 01:00') + 2_000,
      });
      let task = h.workflowTask();
      const load = h.scheduleActivity(task, 1, 'loadCalendar', {});
      h.at(h.now + 1_000).completeActivity(load, calendar);
      task = h.workflowTask();
      const reminder = h.startTimer(task, 1, instantOf('2026-04-01 09:00') - h.now);
      h.at(instantOf('2026-04-01 07:00')).signal('ladderChanged', {
        ladder: { yellowWarningAfterWorkingDays: 5, redWarningAfterWorkingDays: 2 },
      });
      h.workflowTask();
      h.at(instantOf('2026-04-01 08:00')).signal('ladderChanged', { ladder: newLadder });
      task = h.workflowTask();
      h.cancelTimer(task, 1, reminder);
      const yellow = h.startTimer(task, 2, instantOf('2026-04-08 09:00') - h.now);
      h.at(instantOf('2026-04-07 15:00')).signal('submitted', { submissionId: 's-1' });
      task = h.workflowTask();
      h.cancelTimer(task, 2, yellow);
      h.at(instantOf('2026-04-09 10:00')).signal('accepted', { submissionId: 's-1' });
      task = h.workflowTask();
      h.complete(task, {});
      return h;
    }

    let calls: readonly RecordedCall[];
    beforeAll(async () => {
      const outcome = await replayAll(code, [{ runId: 'o-lad#run1', history: history().build() }]);
      expect(outcome.results.get('o-lad#run1')?.error).toBeUndefined();
      calls = outcome.calls.get('o-lad#run1') ?? [];
    });

    it('should plan the next step with the new ladder and issue nothing the old one had planned', () => {
      expect(timerTargets(calls)).toEqual(['2026-04-01 09:00', '2026-04-08 09:00']);
      expect(activityTypes(calls)).toEqual(['loadCalendar']);
      expect(resultOf(calls)).toMatchObject({ status: 'accepted', round: 0, steps: [] });
    });
  });

  describe('yearEndAssessmentWorkflow', () => {
    const input: YearEndAssessmentInput = { planId: 'p-1', year: 2026 };

    /** Writes the assessment's history; `activity` schedules in a new workflow task and completes a second later. */
    function assessmentHistory(runId: string): {
      h: HistoryBuilder;
      activity: (type: string, result: unknown) => void;
      signal: (at: string, name: string, payload: unknown) => void;
      seq: () => number;
    } {
      const h = new HistoryBuilder({
        workflowType: 'yearEndAssessmentWorkflow',
        workflowId: 'assessment:p-1:2026',
        runId,
        input,
        startedAt: instantOf('2027-01-11 10:00'),
      });
      let seq = 0;
      return {
        h,
        activity: (type, result) => {
          const task = h.workflowTask();
          const scheduled = h.scheduleActivity(task, ++seq, type, {});
          h.at(h.now + 1_000).completeActivity(scheduled, result);
        },
        signal: (at, name, payload) => {
          h.at(instantOf(at)).signal(name, payload);
        },
        seq: () => ++seq,
      };
    }

    /** Draft sent back once, approved; released; one appeal upheld (an adjustment); publication approved. */
    function history(): HistoryBuilder {
      const { h, activity, signal } = assessmentHistory('assessment#run1');
      activity('loadCalendar', calendar);
      activity('scoreAssessment', { assessmentId: 'a-1', units: 12 });
      activity('sendNotices', { delivered: 1 });
      h.workflowTask();
      signal('2027-01-12 10:00', 'assessmentReviewed', { approved: false, note: '请核对扣分项' });
      activity('scoreAssessment', { assessmentId: 'a-1', units: 12 });
      activity('sendNotices', { delivered: 1 });
      h.workflowTask();
      signal('2027-01-13 10:00', 'assessmentReviewed', { approved: true });
      activity('openAppealWindow', undefined);
      let task = h.workflowTask();
      const timer = h.startTimer(task, 1, instantOf('2027-01-20 18:00') - h.now);
      signal('2027-01-15 10:00', 'appealFiled', { appealId: 'ap-1', unitId: 'u-b' });
      h.workflowTask();
      signal('2027-01-19 10:00', 'appealResolved', { appealId: 'ap-1', rescored: true });
      h.workflowTask();
      h.at(instantOf('2027-01-20 18:00')).fireTimer(1, timer);
      h.workflowTask();
      signal('2027-01-22 10:00', 'publicationApproved', undefined);
      activity('publishAssessment', undefined);
      task = h.workflowTask();
      h.complete(task, {});
      return h;
    }

    /** The plan is not published: the database refuses to open the run, and the workflow ends with the reason. */
    function refusedHistory(): HistoryBuilder {
      const { h, activity, seq } = assessmentHistory('assessment#refused');
      activity('loadCalendar', calendar);
      let task = h.workflowTask();
      const scheduled = h.scheduleActivity(task, seq(), 'scoreAssessment', {});
      h.at(h.now + 1_000).failActivity(scheduled, { message: '计划尚未发布，不能考核', type: 'CONFLICT' });
      task = h.workflowTask();
      h.complete(task, {});
      return h;
    }

    let calls: readonly RecordedCall[];
    let refused: readonly RecordedCall[];
    beforeAll(async () => {
      const outcome = await replayAll(code, [
        { runId: 'assessment#run1', history: history().build() },
        { runId: 'assessment#refused', history: refusedHistory().build() },
      ]);
      expect(outcome.results.get('assessment#run1')?.error).toBeUndefined();
      expect(outcome.results.get('assessment#refused')?.error).toBeUndefined();
      calls = outcome.calls.get('assessment#run1') ?? [];
      refused = outcome.calls.get('assessment#refused') ?? [];
    });

    it('should score a new revision each time the office sends the draft back', () => {
      const revisions = calls.flatMap((call) =>
        call.type === 'activity' && call.activityType === 'scoreAssessment'
          ? [(call.input as { revision: number }).revision]
          : [],
      );
      expect(revisions).toEqual([1, 2]);
    });

    it('should keep the appeal window open for five working days, to the close of office', () => {
      const window = calls.find((call) => call.type === 'activity' && call.activityType === 'openAppealWindow');
      expect(
        window?.type === 'activity' && localTimeOf((window.input as { appealDeadline: number }).appealDeadline),
      ).toBe('2027-01-20 18:00');
      expect(timerTargets(calls)).toEqual(['2027-01-20 18:00']);
    });

    it('should not score a released draft again when an appeal is upheld', () => {
      expect(activityTypes(calls).slice(-2)).toEqual(['openAppealWindow', 'publishAssessment']);
      expect(resultOf(calls)).toMatchObject({ resolvedAppeals: 1, upheldAppeals: 1 });
    });

    it('should publish the reviewed revision only after the office approves publication', () => {
      const publish = calls.find((call) => call.type === 'activity' && call.activityType === 'publishAssessment');
      expect(plain(publish)).toMatchObject({
        input: { assessmentId: 'a-1', revision: 2, publishedAt: instantOf('2027-01-22 10:00') },
      });
      expect(resultOf(calls)).toMatchObject({
        stage: 'published',
        revision: 2,
        publishedAt: instantOf('2027-01-22 10:00'),
      });
    });

    it("should ask the office to review each draft, and leave the units' notices to the release and publication", () => {
      const notices = calls.flatMap((call) =>
        call.type === 'activity' && call.activityType === 'sendNotices' ? [plain(call.input)] : [],
      );
      expect(notices).toEqual([
        expect.objectContaining({
          kind: 'assessment_review',
          dedupKey: 'notice:assessment:p-1:2026:assessment_review:v1',
          subject: { type: 'assessment', id: 'a-1' },
          recipients: ['office_admin'],
        }),
        expect.objectContaining({
          kind: 'assessment_review',
          dedupKey: 'notice:assessment:p-1:2026:assessment_review:v2',
        }),
      ]);
    });

    it('should end aborted with the reason when the database refuses to score', () => {
      expect(activityTypes(refused)).toEqual(['loadCalendar', 'scoreAssessment']);
      expect(refused.some((call) => call.type === 'failure')).toBe(false);
      expect(resultOf(refused)).toMatchObject({
        stage: 'aborted',
        revision: 1,
        abortReason: 'CONFLICT: 计划尚未发布，不能考核',
      });
    });
  });
});

function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function activityTypes(calls: readonly RecordedCall[]): string[] {
  return calls.flatMap((call) => (call.type === 'activity' ? [call.activityType] : []));
}

function timerTargets(calls: readonly RecordedCall[]): string[] {
  return calls.flatMap((call) => (call.type === 'timer' ? [localTimeOf(call.now + call.durationMs)] : []));
}

function resultOf(calls: readonly RecordedCall[]): Record<string, unknown> {
  const result = calls.find((call) => call.type === 'result');
  return result?.type === 'result' ? plain(result.value as Record<string, unknown>) : {};
}
