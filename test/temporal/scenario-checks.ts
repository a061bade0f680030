import { isDeepStrictEqual } from 'node:util';
import {
  noticeDedupKey,
  supervisionSubjectId,
  type OpenCaseInput,
  type ScheduleInterviewInput,
  type SendNoticesInput,
  type StepRecord,
} from '@app/workflows';
import { instantOf, localTimeOf, type ExpectedStep } from '../scenarios';
import type { RecordedCall } from './recorder.interceptors';
import type { ReplayOutcome } from './replay';
import type { BuiltRun, ScenarioHistories } from './scenario-histories';

/** A step as both sides describe it, with only the fields the expectation names (plus the always-checked ones). */
export type ComparableStep = Record<string, unknown>;

export interface ScenarioVerdict {
  /** The steps the workflows issued, projected onto the expected steps' fields, in a stable order. */
  readonly actualSteps: readonly ComparableStep[];
  readonly expectedSteps: readonly ComparableStep[];
  /** Everything else that did not match: replay errors, timers, children, continue-as-new, results, notices. */
  readonly problems: readonly string[];
}

const ALWAYS = ['subject', 'kind', 'at', 'recipients', 'round'] as const;

/** Deep equality of plain data; values recorded inside the workflow sandbox have that realm's prototypes. */
function sameData(a: unknown, b: unknown): boolean {
  const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  return isDeepStrictEqual(plain(a), plain(b));
}

export function judgeScenario(built: ScenarioHistories, outcome: ReplayOutcome): ScenarioVerdict {
  const problems: string[] = [];
  const actual: ComparableStep[] = [];
  for (const run of built.runs) {
    const where = `${run.workflowId} (${run.runId})`;
    const result = outcome.results.get(run.replayId);
    if (result?.error) {
      problems.push(`${where}: replay failed: ${result.error.name}: ${result.error.message}`);
      continue;
    }
    const calls = outcome.calls.get(run.replayId) ?? [];
    actual.push(...stepsOf(run, calls, problems));
    checkTimers(run, calls, built, problems);
    checkChildren(run, calls, built, problems);
    checkEnd(run, calls, built, problems);
  }
  checkEverySubjectRuns(built, problems);
  const expected = [...built.scenario.expected.steps].sort(byTimeline).map((step) => comparable(step));
  actual.sort(byTimeline);
  return {
    actualSteps: actual.map((step, index) =>
      project(step, built.scenario.expected.steps.length > index ? expected[index] : undefined),
    ),
    expectedSteps: expected,
    problems,
  };
}

function comparable(step: ExpectedStep): ComparableStep {
  return { ...step, round: step.round ?? 0, recipients: [...step.recipients] };
}

function project(step: ComparableStep, shape: ComparableStep | undefined): ComparableStep {
  const keys = new Set<string>([...ALWAYS, ...Object.keys(shape ?? {})]);
  return Object.fromEntries([...keys].filter((key) => step[key] !== undefined).map((key) => [key, step[key]]));
}

function byTimeline(a: { subject?: unknown; at?: unknown; kind?: unknown }, b: typeof a): number {
  const key = (step: typeof a) => `${String(step.at)}|${String(step.subject)}|${String(step.kind)}`;
  return key(a).localeCompare(key(b));
}

/**
 * The steps a run issued. A step's notices are written by the activity that records it, so no `sendNotices` may
 * carry a step's key; `sendNotices` is the interview's invitations and reminders.
 */
function stepsOf(run: BuiltRun, calls: readonly RecordedCall[], problems: string[]): ComparableStep[] {
  const where = run.workflowId;
  const activities = calls.flatMap((call, index) => (call.type === 'activity' ? [{ call, index }] : []));
  const steps: ComparableStep[] = [];
  const stepKeys: string[] = [];
  const childAfter = (index: number): Record<string, unknown> | undefined => {
    const child = calls.slice(index + 1).find((call) => call.type === 'child');
    return child?.type === 'child' ? (child.input as Record<string, unknown>) : undefined;
  };
  for (const { call, index } of activities) {
    if (call.activityType === 'recordStep' || call.activityType === 'openCase') {
      const record = call.input as StepRecord & Partial<OpenCaseInput>;
      const step: ComparableStep = {
        subject: record.obligationId,
        kind: record.kind,
        at: localTimeOf(record.issuedAt),
        recipients: [...record.recipients],
        round: record.round,
        supersedes: [...record.supersedes],
        provisionalCalendar: record.provisionalCalendar,
      };
      if (call.activityType === 'openCase') {
        Object.assign(step, {
          trigger: record.trigger,
          rectificationDeadline:
            record.rectificationDeadline === undefined ? undefined : localTimeOf(record.rectificationDeadline),
          opens: childAfter(index)?.caseId,
        });
      }
      expectKey(where, record.dedupKey, noticeDedupKey(record.obligationId, record.kind, record.round), problems);
      stepKeys.push(record.dedupKey);
      steps.push(step);
    } else if (call.activityType === 'scheduleInterview') {
      const input = call.input as ScheduleInterviewInput;
      steps.push({
        subject: input.caseId,
        kind: 'interview',
        at: localTimeOf(input.issuedAt),
        recipients: [...input.recipients],
        round: 0,
        provisionalCalendar: input.provisionalCalendar,
        opens: childAfter(index)?.interviewId,
      });
      expectKey(where, input.dedupKey, noticeDedupKey(supervisionSubjectId(input.caseId), 'interview'), problems);
      stepKeys.push(input.dedupKey);
    } else if (call.activityType === 'sendNotices') {
      const input = call.input as SendNoticesInput;
      if (input.kind === 'interview_invite' || input.kind === 'interview_reminder') {
        steps.push({
          subject: input.subject.id,
          kind: input.kind,
          at: localTimeOf(input.issuedAt),
          recipients: [...input.recipients],
          round: 0,
        });
      } else {
        problems.push(`${where}: sendNotices ${input.kind} is no notice of this workflow`);
      }
      if (stepKeys.includes(input.dedupKey)) {
        problems.push(`${where}: sendNotices repeats the notices of step ${input.dedupKey}`);
      }
    }
  }
  return steps;
}

function expectKey(where: string, actual: string, expected: string, problems: string[]): void {
  if (actual !== expected) {
    problems.push(`${where}: dedup key ${actual}, expected ${expected}`);
  }
}

/**
 * A timer that fired must have been set for that instant; one cancelled by a signal must not have been due
 * before the signal (else a step was missed); one still pending at the end must lie beyond it.
 */
function checkTimers(
  run: BuiltRun,
  calls: readonly RecordedCall[],
  built: ScenarioHistories,
  problems: string[],
): void {
  const until = instantOf(built.scenario.until);
  for (const call of calls) {
    if (call.type !== 'timer') {
      continue;
    }
    const target = call.now + call.durationMs;
    const fate = run.timers.get(call.seq);
    const where = `${run.workflowId} timer ${call.seq} set at ${localTimeOf(call.now)} for ${localTimeOf(target)}`;
    if (fate === undefined) {
      problems.push(`${where}: not in the history`);
    } else if (fate.fate === 'fired' && target !== fate.at) {
      problems.push(`${where}: fired at ${localTimeOf(fate.at)}: durations disagree (${call.durationMs} ms)`);
    } else if (fate.fate === 'cancelled' && target < fate.at) {
      problems.push(`${where}: was due before the signal at ${localTimeOf(fate.at)}: an expected step is missing`);
    } else if (fate.fate === 'pending' && target <= until) {
      problems.push(`${where}: due before the scenario ends: an expected step is missing`);
    }
  }
}

/** Children are started with the input their own histories begin with; continue-as-new carries the next input. */
function checkChildren(
  run: BuiltRun,
  calls: readonly RecordedCall[],
  built: ScenarioHistories,
  problems: string[],
): void {
  for (const call of calls) {
    if (call.type === 'child') {
      const child = built.runs.find((candidate) => candidate.workflowId === call.workflowId);
      if (!child) {
        problems.push(`${run.workflowId}: started ${call.workflowId}, which the scenario does not expect`);
      } else if (!sameData(call.input, child.input) || call.workflowType !== child.workflowType) {
        problems.push(
          `${run.workflowId}: started ${call.workflowType} ${call.workflowId} with ${JSON.stringify(call.input)}, expected ${child.workflowType} with ${JSON.stringify(child.input)}`,
        );
      }
    } else if (call.type === 'continueAsNew') {
      const expected = run.end.type === 'continuedAsNew' ? run.end.nextInput : undefined;
      if (!sameData(call.input, expected)) {
        problems.push(
          `${run.workflowId}: continued as new with ${JSON.stringify(call.input)}, expected ${JSON.stringify(expected)}`,
        );
      }
    }
  }
}

function checkEnd(run: BuiltRun, calls: readonly RecordedCall[], built: ScenarioHistories, problems: string[]): void {
  const where = `${run.workflowId} (${run.runId})`;
  for (const call of calls) {
    if (call.type === 'failure' && !(run.end.type === 'continuedAsNew' && call.message.startsWith('ContinueAsNew'))) {
      problems.push(`${where}: workflow failed: ${call.message}`);
    }
  }
  const result = calls.find((call) => call.type === 'result');
  const value = result?.type === 'result' ? (result.value as Record<string, unknown>) : undefined;
  if (run.end.type === 'completed') {
    if (value === undefined) {
      problems.push(`${where}: completed in the history, but the workflow returned nothing`);
      return;
    }
    if (run.workflowType === 'monthlyCycleWorkflow' && !sameData(value, run.end.result)) {
      problems.push(`${where}: returned ${JSON.stringify(value)}, expected ${JSON.stringify(run.end.result)}`);
    }
  }
  const status = run.end.type === 'terminated' ? run.end.state : (value?.status as string | undefined);
  const { expected } = built.scenario;
  if (run.workflowType === 'reportingObligationWorkflow') {
    const wanted = expected.obligations[run.subject];
    const round = run.end.type === 'completed' ? value?.round : wanted?.round;
    if (!wanted || wanted.status !== status || wanted.round !== round) {
      problems.push(`${where}: ended ${String(status)} in round ${String(round)}, expected ${JSON.stringify(wanted)}`);
    }
  } else if (run.workflowType === 'supervisionCaseWorkflow') {
    const wanted = expected.cases?.[run.subject];
    const obligation = (run.input as { obligationId?: string }).obligationId;
    if (!wanted || wanted.status !== status || wanted.obligation !== obligation) {
      problems.push(`${where}: ended ${String(status)} for ${String(obligation)}, expected ${JSON.stringify(wanted)}`);
    }
  } else if (run.workflowType === 'interviewWorkflow') {
    const wanted = expected.interviews?.[run.subject];
    const caseId = (run.input as { caseId?: string }).caseId;
    if (!wanted || wanted.status !== status || wanted.case !== caseId) {
      problems.push(`${where}: ended ${String(status)} for ${String(caseId)}, expected ${JSON.stringify(wanted)}`);
    }
  }
}

function checkEverySubjectRuns(built: ScenarioHistories, problems: string[]): void {
  const subjects = new Set(built.runs.map((run) => `${run.workflowType}:${run.subject}`));
  const { expected } = built.scenario;
  const wanted = [
    ...Object.keys(expected.obligations).map((id) => `reportingObligationWorkflow:${id}`),
    ...Object.keys(expected.cases ?? {}).map((label) => `supervisionCaseWorkflow:${label}`),
    ...Object.keys(expected.interviews ?? {}).map((label) => `interviewWorkflow:${label}`),
  ];
  for (const subject of wanted) {
    if (!subjects.has(subject)) {
      problems.push(`expected ${subject}, but no workflow ran for it`);
    }
  }
  for (const subject of subjects) {
    if (!subject.startsWith('monthlyCycleWorkflow:') && !wanted.includes(subject)) {
      problems.push(`${subject} ran, but the scenario expects nothing of it`);
    }
  }
}
