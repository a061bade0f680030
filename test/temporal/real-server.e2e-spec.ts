import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Worker } from '@temporalio/worker';
import { loadConfig } from '@app/config';
import {
  interviewStatusQuery,
  interviewWorkflow,
  interviewWorkflowId,
  monthlyCycleWorkflow,
  obligationStatusQuery,
  obligationWorkflowId,
  supervisionCaseStatusQuery,
  supervisionCaseWorkflow,
  supervisionCaseWorkflowId,
  type EscalationActivities,
  type InterviewWorkflowStatus,
  type NoticeActivities,
  type ObligationWorkflowStatus,
  type SendNoticesInput,
  type SupervisionCaseWorkflowStatus,
} from '@app/workflows';
import { bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import { instantOf, SCENARIOS, type ExpectedStep } from '../scenarios';
import { longRunningTaskScenario } from '../scenarios/long-running-task.scenario';
import {
  cyclesOf,
  eventually,
  openShiftedPage,
  predictObligation,
  shiftedInstant,
  scenarioSignal,
  shiftScenario,
  stepsOfSubject,
  type PredictedObligation,
  type ShiftedScenario,
} from './shifted-scenario';

/**
 * The scenarios against a real Temporal server (`npm run test:temporal`): a running one at TEMPORAL_ADDRESS, or a
 * dev server this suite starts from a Temporal CLI already on disk (TEMPORAL_CLI_PATH; nothing is downloaded).
 *
 * A real server's clock cannot be moved, so each scenario is shifted weeks into the future (calendar included) and
 * driven as far as the server can go without time passing:
 * - the real monthly cycle opens it (children, ids, activities through the task queue), each obligation's first
 *   planned step is read through the status query;
 * - every signal of the scenario is then sent at once, in the scenario's order (a deadline the scenario moves into
 *   the past is sent in the server's past), and the status query and the workflow's result are checked against the
 *   handlers' rules and the scenario's final states; `taskCancelled` is a workflow cancellation;
 * - each expected supervision case and interview is started as the ladder would start it, planned, signalled
 *   (closure requested and verified, appointments, held) and checked the same way; an appointment sends its
 *   invitation through `sendNotices` on the server;
 * - the monthly cycle pages with continue-as-new and a repeated cycle starts nothing twice.
 * No ladder step may run (its time lies weeks ahead): the activities that would record one fail the test. The full
 * timelines are the replay suite's (scenario-replay.e2e-spec.ts) and, with a time-skipping test server, the
 * time-skipping suite's (time-skipping.e2e-spec.ts).
 */

const config = loadConfig();
const cliPath = process.env.TEMPORAL_CLI_PATH;
const serverAddress = config.temporal.address;
const namespace = config.temporal.namespace;
/** Every signal is followed by queries until the workflow has seen it (a few hundred milliseconds each). */
const SCENARIO_TIMEOUT_MS = 180_000;

if (!serverAddress && !cliPath) {
  describe('Temporal real-server suite', () => {
    it('… SKIPPED: neither TEMPORAL_ADDRESS nor TEMPORAL_CLI_PATH is set', () => {
      console.warn(
        [
          'SKIPPED test/temporal/real-server.e2e-spec.ts: no Temporal server.',
          '  Run it against a server:        TEMPORAL_ADDRESS=localhost:7233 npm run test:temporal',
          '  or with a Temporal CLI on disk: TEMPORAL_CLI_PATH=$(which temporal) npm run test:temporal',
        ].join('\n'),
      );
      expect(serverAddress).toBeNull();
    });
  });
} else {
  describe(`Temporal real-server suite (${serverAddress ?? `dev server from ${cliPath ?? ''}`})`, () => {
    const run = `e2e-${Date.now()}`;
    let env: TestWorkflowEnvironment;
    let workflowBundle: { code: string };

    beforeAll(async () => {
      env = serverAddress
        ? await TestWorkflowEnvironment.createFromExistingServer({ address: serverAddress, namespace })
        : await TestWorkflowEnvironment.createLocal({
            server: { namespace, executable: { type: 'existing-path', path: cliPath ?? '' } },
          });
      workflowBundle = await bundleWorkflows({ logger: new DefaultLogger('WARN') });
    }, 120_000);

    afterAll(async () => {
      await env?.teardown();
    });

    /** A worker on its own task queue with the scenario's fake activities, for the duration of `work`. */
    async function withWorker(
      shifted: ShiftedScenario,
      taskQueue: string,
      work: (activities: RecordingActivities) => Promise<void>,
    ): Promise<void> {
      const activities = recordingActivities(shifted);
      const worker = await Worker.create({
        connection: env.nativeConnection,
        namespace,
        taskQueue,
        workflowBundle,
        activities,
      });
      await worker.runUntil(() => work(activities));
    }

    it.each(SCENARIOS.map((scenario, index) => [scenario.name, scenario, index] as const))(
      'should open "%s" on the server, plan its first steps and follow its signals',
      async (_name, scenario, index) => {
        const shifted = shiftScenario(scenario, `${run}-${index}-`, Date.now());
        const taskQueue = `${run}-${index}`;
        await withWorker(shifted, taskQueue, async (activities) => {
          for (const { period } of cyclesOf(shifted)) {
            const opened = await env.client.workflow.execute(monthlyCycleWorkflow, {
              taskQueue,
              workflowId: `${shifted.prefix}cycle:${period}`,
              args: [{ period, ...(scenario.cyclePageSize ? { pageSize: scenario.cyclePageSize } : {}) }],
            });
            expect(opened).toMatchObject({ opened: shifted.obligations.filter((o) => o.period === period).length });
          }
          for (const obligation of scenario.obligations) {
            await followObligation(env, shifted, obligation.id);
          }
          for (const caseStep of scenario.expected.steps.filter((step) => step.kind === 'supervision_case')) {
            await followCase(env, shifted, taskQueue, caseStep);
          }
          for (const interviewStep of scenario.expected.steps.filter((step) => step.kind === 'interview')) {
            await followInterview(env, shifted, taskQueue, interviewStep, activities);
          }
          expect(activities.unexpected).toEqual([]);
        });
      },
      SCENARIO_TIMEOUT_MS,
    );

    it(
      'should page the monthly cycle with continue-as-new, and start nothing twice when the cycle runs again',
      async () => {
        const shifted = shiftScenario(longRunningTaskScenario, `${run}-cycle-`, Date.now());
        const taskQueue = `${run}-cycle`;
        const [{ period }] = cyclesOf(shifted);
        const expected = shifted.obligations.filter((obligation) => obligation.period === period);
        await withWorker(shifted, taskQueue, async () => {
          const first = await env.client.workflow.start(monthlyCycleWorkflow, {
            taskQueue,
            workflowId: `${shifted.prefix}cycle:${period}`,
            args: [{ period, pageSize: 2 }],
          });
          await expect(first.result()).resolves.toEqual({
            period,
            opened: expected.length,
            alreadyStarted: 0,
            runs: Math.ceil(expected.length / 2),
          });
          const firstRun = await env.client.workflow.getHandle(first.workflowId, first.firstExecutionRunId).describe();
          expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');

          const again = await env.client.workflow.execute(monthlyCycleWorkflow, {
            taskQueue,
            workflowId: `${shifted.prefix}cycle:${period}:again`,
            args: [{ period, pageSize: 2 }],
          });
          expect(again).toMatchObject({ opened: 0, alreadyStarted: expected.length });
          for (const obligation of expected) {
            await cancelled(env.client.workflow.getHandle(obligationWorkflowId(obligation.id)));
          }
        });
      },
      SCENARIO_TIMEOUT_MS,
    );
  });
}

interface RecordingActivities extends EscalationActivities, NoticeActivities {
  readonly notices: SendNoticesInput[];
  /** Activities that ran although their time lies weeks ahead: each one is a failure of the workflow. */
  readonly unexpected: string[];
}

/**
 * The calendar and the obligations come from the shifted scenario; an interview's invitation is recorded; any
 * ladder step fails (its time is weeks ahead), and so does a reminder.
 */
function recordingActivities(shifted: ShiftedScenario): RecordingActivities {
  const notices: SendNoticesInput[] = [];
  const unexpected: string[] = [];
  const refuse = (name: string) => (input: unknown) => {
    unexpected.push(`${name} ${JSON.stringify(input)}`);
    return Promise.reject(new Error(`${name} must not run: its time lies weeks ahead`));
  };
  return {
    notices,
    unexpected,
    loadCalendar: () => Promise.resolve(shifted.calendar),
    openPeriodObligations: (input) => Promise.resolve(openShiftedPage(shifted, input)),
    checkPreviousPeriod: refuse('checkPreviousPeriod'),
    recordStep: refuse('recordStep'),
    openCase: refuse('openCase'),
    scheduleInterview: refuse('scheduleInterview'),
    sendNotices: (input) => {
      if (input.kind !== 'interview_invite') {
        return refuse('sendNotices')(input);
      }
      notices.push(input);
      return Promise.resolve({ delivered: input.recipients.length });
    },
  };
}

type Handle = WorkflowHandle;

/** The obligation's status query once the workflow has seen everything sent so far. */
async function statusOf(
  handle: Handle,
  done: (status: ObligationWorkflowStatus) => boolean = () => true,
): Promise<ObligationWorkflowStatus> {
  return eventually(() => handle.query(obligationStatusQuery), done);
}

/** First planned step, then every signal of the obligation in the scenario's order, then its final state. */
async function followObligation(env: TestWorkflowEnvironment, shifted: ShiftedScenario, id: string): Promise<void> {
  const { scenario } = shifted;
  const source = scenario.obligations.find((obligation) => obligation.id === id);
  const handle = env.client.workflow.getHandle(obligationWorkflowId(`${shifted.prefix}${id}`));
  const events = scenario.events
    .filter((event) =>
      'obligation' in event ? event.obligation === id : event.type === 'taskCancelled' && event.task === source?.taskId,
    )
    .sort((a, b) => instantOf(a.at) - instantOf(b.at));

  const planned = await statusOf(handle, (status) => status.next !== null);
  const [first] = stepsOfSubject(scenario, id);
  if (first && (events.length === 0 || instantOf(first.at) < instantOf(events[0].at))) {
    expect(planned.next).toEqual({ kind: first.kind, fireAt: shiftedInstant(shifted, first.at) });
  }

  let predicted: PredictedObligation = { status: 'open', round: 0, dueAt: planned.dueAt, rejected: 0 };
  for (const event of events) {
    if (event.type === 'taskCancelled') {
      predicted = predictObligation(predicted, event, null, Date.now());
      if (predicted.status === 'cancelled') {
        await handle.cancel();
      }
      continue;
    }
    if (!('obligation' in event)) {
      continue;
    }
    const signal = scenarioSignal(shifted, event, Date.now());
    predicted = predictObligation(predicted, event, signal.sent, Date.now());
    try {
      await handle.signal(signal.name, signal.arg);
    } catch (error) {
      // A closed workflow takes no signal: the server refuses it, which is what the rules say for that case.
      expect(error).toBeInstanceOf(WorkflowNotFoundError);
      expect(['accepted', 'waived', 'cancelled']).toContain(predicted.status);
      predicted = { ...predicted, rejected: predicted.rejected - 1 };
      continue;
    }
    const expected = predicted;
    const status = await statusOf(
      handle,
      (s) => s.status === expected.status && s.rejectedSignals.length === expected.rejected,
    );
    expect({ status: status.status, round: status.round, dueAt: status.dueAt }).toEqual({
      status: expected.status,
      round: expected.round,
      dueAt: expected.dueAt,
    });
    expect(status.rejectedSignals).toHaveLength(expected.rejected);
  }

  const wanted = scenario.expected.obligations[id];
  expect({ status: predicted.status, round: predicted.round }).toEqual(wanted);
  if (['accepted', 'waived', 'cancelled'].includes(predicted.status)) {
    const result = (await handle.result()) as { status: string; round: number; steps: unknown[] };
    expect({ status: result.status, round: result.round, steps: result.steps }).toEqual({ ...wanted, steps: [] });
  } else {
    await cancelled(handle);
  }
}

/** The case the ladder would open at `step`, started as the obligation would start it, then its signals. */
async function followCase(
  env: TestWorkflowEnvironment,
  shifted: ShiftedScenario,
  taskQueue: string,
  step: ExpectedStep,
): Promise<void> {
  const { scenario, prefix } = shifted;
  const label = step.opens ?? '';
  const obligation = scenario.obligations.find((o) => o.id === step.subject);
  const handle = await env.client.workflow.start(supervisionCaseWorkflow, {
    taskQueue,
    workflowId: supervisionCaseWorkflowId(`${prefix}${label}`),
    args: [
      {
        caseId: `${prefix}${label}`,
        unitId: obligation?.unitId ?? '',
        obligationId: `${prefix}${step.subject}`,
        openedAt: shiftedInstant(shifted, step.at),
        rectificationDeadline: shiftedInstant(shifted, step.rectificationDeadline ?? step.at),
      },
    ],
  });
  const status = () => handle.query(supervisionCaseStatusQuery);
  const planned = await eventually(status, (s) => s.next !== null);
  const [interview] = stepsOfSubject(scenario, label).filter((s) => s.kind === 'interview');
  if (interview) {
    expect(planned.next).toEqual({ kind: 'interview', fireAt: shiftedInstant(shifted, interview.at) });
  }

  let predicted: SupervisionCaseWorkflowStatus['status'] = 'open';
  const events = scenario.events
    .filter((event) => 'case' in event && event.case === label)
    .sort((a, b) => instantOf(a.at) - instantOf(b.at));
  for (const event of events) {
    if (event.type !== 'caseClosureRequested' && event.type !== 'caseVerified') {
      continue;
    }
    const signal = scenarioSignal(shifted, event, Date.now());
    await handle.signal(signal.name, signal.arg);
    if (event.type === 'caseClosureRequested') {
      predicted = predicted === 'open' ? 'closure_requested' : predicted;
    } else {
      predicted = event.approved ? 'closed' : 'open';
    }
    const expected = predicted;
    await expect(eventually(status, (s) => s.status === expected).then((s) => s.status)).resolves.toBe(expected);
  }

  expect(predicted).toBe(scenario.expected.cases?.[label]?.status);
  if (predicted === 'closed') {
    await expect(handle.result()).resolves.toMatchObject({ status: 'closed', interviewIds: [], steps: [] });
  } else {
    await cancelled(handle);
  }
}

/** The interview the case would call at `step`, started as the case would start it, then its appointments. */
async function followInterview(
  env: TestWorkflowEnvironment,
  shifted: ShiftedScenario,
  taskQueue: string,
  step: ExpectedStep,
  activities: RecordingActivities,
): Promise<void> {
  const { scenario, prefix } = shifted;
  const label = step.opens ?? '';
  const caseStep = scenario.expected.steps.find((s) => s.kind === 'supervision_case' && s.opens === step.subject);
  const unitId = scenario.obligations.find((o) => o.id === caseStep?.subject)?.unitId ?? '';
  const interviewId = `${prefix}${label}`;
  const handle = await env.client.workflow.start(interviewWorkflow, {
    taskQueue,
    workflowId: interviewWorkflowId(interviewId),
    args: [{ interviewId, caseId: `${prefix}${step.subject}`, unitId }],
  });
  const status = () => handle.query(interviewStatusQuery);
  await expect(eventually(status, (s) => s.status === 'awaiting_schedule')).resolves.toMatchObject({ version: 0 });

  let predicted: InterviewWorkflowStatus['status'] = 'awaiting_schedule';
  let version = 0;
  const events = scenario.events
    .filter((event) => 'interview' in event && event.interview === label)
    .sort((a, b) => instantOf(a.at) - instantOf(b.at));
  for (const event of events) {
    if (event.type === 'interviewScheduled') {
      const signal = scenarioSignal(shifted, event, Date.now());
      const startsAt = signal.sent ?? 0;
      await handle.signal(signal.name, signal.arg);
      if (predicted !== 'held' && startsAt > Date.now()) {
        predicted = 'scheduled';
        version++;
        const invited = version;
        const invitation = await eventually(
          () => Promise.resolve(activities.notices.find((n) => n.dedupKey.endsWith(`invite:v${invited}`))),
          (notice) => notice !== undefined,
        );
        expect(invitation).toMatchObject({
          kind: 'interview_invite',
          dedupKey: `notice:interview:${interviewId}:invite:v${invited}`,
          subject: { type: 'interview', id: interviewId },
          facts: { startsAt, place: event.place },
        });
      }
    } else if (event.type === 'interviewHeld') {
      await handle.signal('interviewHeld', {});
      predicted = predicted === 'scheduled' ? 'held' : predicted;
    }
    const expected = predicted;
    await expect(eventually(status, (s) => s.status === expected).then((s) => s.status)).resolves.toBe(expected);
  }

  expect(predicted).toBe(scenario.expected.interviews?.[label]?.status);
  if (predicted === 'held') {
    await expect(handle.result()).resolves.toMatchObject({ status: 'held', version });
  } else {
    await cancelled(handle);
  }
}

/** Cancels a workflow still running; its result then says `cancelled`. */
async function cancelled(handle: Handle): Promise<void> {
  await handle.cancel();
  await expect(handle.result()).resolves.toMatchObject({ status: 'cancelled' });
}
