import { WorkflowNotFoundError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Worker } from '@temporalio/worker';
import {
  interviewWorkflowId,
  monthlyCycleWorkflow,
  obligationWorkflowId,
  supervisionCaseWorkflowId,
  type EscalationActivities,
  type NoticeActivities,
} from '@app/workflows';
import { bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import { SCENARIOS, type ExpectedStep, type Scenario } from '../scenarios';
import {
  cyclesOf,
  openShiftedPage,
  scenarioId,
  scenarioSignal,
  scenarioTime,
  shiftedInstant,
  shiftScenario,
  type ShiftedScenario,
} from './shifted-scenario';

/**
 * The scenarios' whole timelines on Temporal's time-skipping test server (`TestWorkflowEnvironment
 * .createTimeSkipping`), when its binary is on disk: TEMPORAL_TEST_SERVER_PATH=/path/to/temporal-test-server (from
 * the Java SDK's releases; nothing is downloaded). The server's clock starts at the real time, so each scenario is
 * shifted weeks ahead; the suite then skips from instant to instant: the monthly cycles start at theirs, each event
 * is sent a second before its minute (an event at a step's instant comes first), and at the end every issued step,
 * read from the activities, must be the scenario's, at its minute, and every workflow must be in its final state.
 */

const testServerPath = process.env.TEMPORAL_TEST_SERVER_PATH;
const SCENARIO_TIMEOUT_MS = 300_000;

if (!testServerPath) {
  describe('Temporal time-skipping suite', () => {
    it('… SKIPPED: TEMPORAL_TEST_SERVER_PATH is not set', () => {
      console.warn(
        'SKIPPED test/temporal/time-skipping.e2e-spec.ts: no time-skipping test server. Run the full timelines with ' +
          'TEMPORAL_TEST_SERVER_PATH=/path/to/temporal-test-server npm run test:temporal.',
      );
      expect(testServerPath).toBeUndefined();
    });
  });
} else {
  describe(`Temporal time-skipping suite (${testServerPath})`, () => {
    let env: TestWorkflowEnvironment;
    let workflowBundle: { code: string };

    beforeAll(async () => {
      env = await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: testServerPath } },
      });
      workflowBundle = await bundleWorkflows({ logger: new DefaultLogger('WARN') });
    }, 120_000);

    afterAll(async () => {
      await env?.teardown();
    });

    /** Skips the server's clock forward to `instant` (never back). */
    async function skipTo(instant: number): Promise<void> {
      const now = await env.currentTimeMs();
      if (instant > now) {
        await env.sleep(instant - now);
      }
    }

    it.each(SCENARIOS.map((scenario, index) => [scenario.name, scenario, index] as const))(
      'should run "%s" through its whole timeline',
      async (_name, scenario, index) => {
        const shifted = shiftScenario(scenario, `ts-${Date.now()}-${index}-`, await env.currentTimeMs());
        const taskQueue = `${shifted.prefix}queue`;
        const activities = timelineActivities(shifted);
        const worker = await Worker.create({
          connection: env.nativeConnection,
          taskQueue,
          workflowBundle,
          activities,
        });
        await worker.runUntil(async () => {
          for (const { at, apply } of timeline(env, shifted, taskQueue)) {
            await skipTo(at);
            await apply();
          }
          await skipTo(shiftedInstant(shifted, scenario.until));

          expect(activities.problems).toEqual([]);
          expect(byTimeline(activities.steps)).toEqual(byTimeline(scenario.expected.steps.map(comparable)));
          expect(await finalStates(env, shifted)).toEqual(expectedStates(scenario));
          await stopEverything(env, shifted);
        });
      },
      SCENARIO_TIMEOUT_MS,
    );
  });
}

interface TimelineItem {
  readonly at: number;
  readonly apply: () => Promise<void>;
}

/** The cycles at their instants and the events a second before theirs, in time order. */
function timeline(env: TestWorkflowEnvironment, shifted: ShiftedScenario, taskQueue: string): TimelineItem[] {
  const { scenario, prefix } = shifted;
  const items: TimelineItem[] = cyclesOf(shifted).map(({ period, at }) => ({
    at,
    apply: async () => {
      await env.client.workflow.start(monthlyCycleWorkflow, {
        taskQueue,
        workflowId: `${prefix}cycle:${period}`,
        args: [{ period, ...(scenario.cyclePageSize ? { pageSize: scenario.cyclePageSize } : {}) }],
      });
    },
  }));
  for (const event of scenario.events) {
    const at = shiftedInstant(shifted, event.at) - 1_000;
    if (event.type === 'taskCancelled') {
      const cancelled = shifted.obligations.filter((o) => o.taskId === event.task);
      items.push({
        at,
        apply: async () => {
          for (const obligation of cancelled) {
            await ignoringClosed(() => env.client.workflow.getHandle(obligationWorkflowId(obligation.id)).cancel());
          }
        },
      });
    } else {
      items.push({
        at,
        apply: async () => {
          const signal = scenarioSignal(shifted, event, await env.currentTimeMs());
          await ignoringClosed(() => env.client.workflow.getHandle(signal.workflowId).signal(signal.name, signal.arg));
        },
      });
    }
  }
  // Stable: a cycle before the events of its instant, events in the scenario's order within a second.
  return items.sort((a, b) => a.at - b.at);
}

/** A workflow that has ended takes no signal and no cancellation: the rules say such a signal changes nothing. */
async function ignoringClosed(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) {
      throw error;
    }
  }
}

type ComparableStep = Pick<ExpectedStep, 'subject' | 'kind' | 'at' | 'recipients'> & { round: number };

function comparable(step: ExpectedStep): ComparableStep {
  return {
    subject: step.subject,
    kind: step.kind,
    at: step.at,
    recipients: [...step.recipients],
    round: step.round ?? 0,
  };
}

function byTimeline(steps: readonly ComparableStep[]): ComparableStep[] {
  const key = (step: ComparableStep) => `${step.at}|${step.subject}|${step.kind}`;
  return [...steps].sort((a, b) => key(a).localeCompare(key(b)));
}

interface TimelineActivities extends EscalationActivities, NoticeActivities {
  /** Every step the workflows issued, as the scenario writes it. */
  readonly steps: ComparableStep[];
  readonly problems: string[];
}

/**
 * Activities over the shifted scenario: cases and interviews get the ids the scenario's labels name (the step that
 * opens them says which), the previous period's lateness is the scenario's answer, and every issued step is
 * recorded at its workflow time.
 */
function timelineActivities(shifted: ShiftedScenario): TimelineActivities {
  const { scenario, prefix } = shifted;
  const steps: ComparableStep[] = [];
  const problems: string[] = [];
  const record = (
    subject: string,
    kind: ComparableStep['kind'],
    input: { issuedAt: number; recipients: ComparableStep['recipients'] },
    round = 0,
  ) =>
    steps.push({ subject, kind, at: scenarioTime(shifted, input.issuedAt), recipients: [...input.recipients], round });
  const labelOf = (kind: 'supervision_case' | 'interview', subject: string, round = 0): string => {
    const step = scenario.expected.steps.find(
      (candidate) => candidate.kind === kind && candidate.subject === subject && (candidate.round ?? 0) === round,
    );
    if (step?.opens === undefined) {
      problems.push(`${kind} for ${subject} (round ${round}) is not in the scenario`);
      return `unexpected-${kind}-${subject}`;
    }
    return step.opens;
  };
  return {
    steps,
    problems,
    loadCalendar: () => Promise.resolve(shifted.calendar),
    openPeriodObligations: (input) => Promise.resolve(openShiftedPage(shifted, input)),
    checkPreviousPeriod: ({ obligationId }) => {
      const id = scenarioId(shifted, obligationId);
      const obligation = scenario.obligations.find((candidate) => candidate.id === id);
      return Promise.resolve({ overdue: obligation?.previousPeriodOverdue ?? false });
    },
    recordStep: (input) => {
      record(scenarioId(shifted, input.obligationId), input.kind, input, input.round);
      return Promise.resolve();
    },
    openCase: (input) => {
      const subject = scenarioId(shifted, input.obligationId);
      record(subject, input.kind, input, input.round);
      return Promise.resolve({ caseId: `${prefix}${labelOf('supervision_case', subject, input.round)}` });
    },
    scheduleInterview: (input) => {
      const caseLabel = scenarioId(shifted, input.caseId);
      record(caseLabel, 'interview', input);
      return Promise.resolve({ interviewId: `${prefix}${labelOf('interview', caseLabel)}` });
    },
    sendNotices: (input) => {
      if (input.kind === 'interview_invite' || input.kind === 'interview_reminder') {
        record(scenarioId(shifted, input.subject.id), input.kind, input);
      } else {
        problems.push(`sendNotices ${input.kind} has no place in an escalation scenario`);
      }
      return Promise.resolve({ delivered: input.recipients.length });
    },
  };
}

type FinalStates = Record<string, { status: string; round?: number }>;

function expectedStates(scenario: Scenario): FinalStates {
  const states: FinalStates = {};
  for (const [id, { status, round }] of Object.entries(scenario.expected.obligations)) {
    states[`obligation ${id}`] = { status, round };
  }
  for (const [label, { status }] of Object.entries(scenario.expected.cases ?? {})) {
    states[`case ${label}`] = { status };
  }
  for (const [label, { status }] of Object.entries(scenario.expected.interviews ?? {})) {
    states[`interview ${label}`] = { status };
  }
  return states;
}

/** Every workflow's state at the end, through its status query (which also answers once it has ended). */
async function finalStates(env: TestWorkflowEnvironment, shifted: ShiftedScenario): Promise<FinalStates> {
  const { scenario, prefix } = shifted;
  const query = (workflowId: string) =>
    env.client.workflow
      .getHandle(workflowId)
      .query<{ status: string; round?: number }>('status')
      .catch((error: unknown): { status: string; round?: number } => ({
        status: `no workflow: ${error instanceof Error ? error.message : String(error)}`,
      }));
  const states: FinalStates = {};
  for (const id of Object.keys(scenario.expected.obligations)) {
    const { status, round } = await query(obligationWorkflowId(`${prefix}${id}`));
    states[`obligation ${id}`] = { status, round };
  }
  for (const label of Object.keys(scenario.expected.cases ?? {})) {
    states[`case ${label}`] = { status: (await query(supervisionCaseWorkflowId(`${prefix}${label}`))).status };
  }
  for (const label of Object.keys(scenario.expected.interviews ?? {})) {
    states[`interview ${label}`] = { status: (await query(interviewWorkflowId(`${prefix}${label}`))).status };
  }
  return states;
}

/** Whatever still runs when the scenario ends is cancelled, so that the next scenario's worker sees none of it. */
async function stopEverything(env: TestWorkflowEnvironment, shifted: ShiftedScenario): Promise<void> {
  const { scenario, prefix } = shifted;
  const ids = [
    ...Object.keys(scenario.expected.obligations).map((id) => obligationWorkflowId(`${prefix}${id}`)),
    ...Object.keys(scenario.expected.cases ?? {}).map((label) => supervisionCaseWorkflowId(`${prefix}${label}`)),
    ...Object.keys(scenario.expected.interviews ?? {}).map((label) => interviewWorkflowId(`${prefix}${label}`)),
  ];
  for (const workflowId of ids) {
    const handle = env.client.workflow.getHandle(workflowId);
    const { status } = await handle.describe().catch(() => ({ status: { name: 'UNKNOWN' } }));
    if (status.name === 'RUNNING') {
      await ignoringClosed(() => handle.cancel());
    }
  }
}
