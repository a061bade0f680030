import { DefaultLogger, Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '@app/config';
import {
  DAY_MS,
  loadCalendarData,
  monthlyCycleWorkflow,
  obligationStatusQuery,
  obligationWorkflowId,
  type CalendarData,
  type EscalationActivities,
  type ObligationWorkflowResult,
  type OpenedObligation,
} from '@app/workflows';
import { bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import { instantOf, SCENARIOS, type Scenario } from '../scenarios';

/**
 * The scenarios against a real Temporal server, when TEMPORAL_ADDRESS is set (`npm run test:temporal`).
 *
 * A real server's clock cannot be moved, so each scenario is shifted forward by whole weeks (calendar included,
 * so weekdays and holidays stay aligned) to start after now; on the server it is opened by the real monthly cycle
 * (children, ids, activities through the task queue), each obligation is asked for its first planned step through
 * the status query, then cancelled. The full timelines are covered by the replay suite.
 */

const address = loadConfig().temporal.address;
const WEEK_MS = 7 * DAY_MS;

if (!address) {
  describe('Temporal real-server suite', () => {
    it('… skipped: TEMPORAL_ADDRESS not set', () => {
      console.warn(
        'SKIPPED test/temporal/real-server.e2e-spec.ts: TEMPORAL_ADDRESS not set. ' +
          'Run against a server with TEMPORAL_ADDRESS=localhost:7233 npm run test:temporal.',
      );
      expect(address).toBeNull();
    });
  });
} else {
  describe('Temporal real-server suite', () => {
    const serverAddress = address;
    const taskQueue = `escalation-e2e-${Date.now()}`;
    let env: TestWorkflowEnvironment;
    let workflowBundle: { code: string };

    beforeAll(async () => {
      env = await TestWorkflowEnvironment.createFromExistingServer({
        address: serverAddress,
        namespace: loadConfig().temporal.namespace,
      });
      workflowBundle = await bundleWorkflows({ logger: new DefaultLogger('WARN') });
    });

    afterAll(async () => {
      await env?.teardown();
    });

    it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
      'should open "%s" on the server and plan its first steps',
      async (_name, scenario) => {
        const shifted = shiftScenario(scenario, `e2e-${Date.now()}-`);
        const worker = await Worker.create({
          connection: env.nativeConnection,
          namespace: loadConfig().temporal.namespace,
          taskQueue,
          workflowBundle,
          activities: shifted.activities,
        });
        await worker.runUntil(async () => {
          for (const period of new Set(shifted.obligations.map((obligation) => obligation.period))) {
            const opened = await env.client.workflow.execute(monthlyCycleWorkflow, {
              taskQueue,
              workflowId: `${shifted.prefix}cycle:${period}`,
              args: [{ period, ...(scenario.cyclePageSize ? { pageSize: scenario.cyclePageSize } : {}) }],
            });
            expect(opened.opened).toBe(shifted.obligations.filter((obligation) => obligation.period === period).length);
          }
          for (const obligation of shifted.obligations) {
            const handle = env.client.workflow.getHandle(obligationWorkflowId(obligation.id));
            const status = await eventually(
              () => handle.query(obligationStatusQuery),
              (s) => s.next !== null,
            );
            const first = shifted.firstStep.get(obligation.id);
            if (first) {
              expect(status.next).toEqual(first);
            }
            await handle.cancel();
            const result = (await handle.result()) as ObligationWorkflowResult;
            expect(result.status).toBe('cancelled');
          }
        });
      },
    );
  });
}

interface ShiftedScenario {
  readonly prefix: string;
  readonly obligations: readonly OpenedObligation[];
  /** Obligation id → its first expected step, when nothing the scenario does comes before it. */
  readonly firstStep: ReadonlyMap<string, { kind: string; fireAt: number }>;
  readonly activities: EscalationActivities;
}

/** The scenario moved to the future by whole weeks, with ids made unique on a shared server. */
function shiftScenario(scenario: Scenario, prefix: string): ShiftedScenario {
  const opening = Math.min(...scenario.obligations.map((obligation) => instantOf(obligation.openedAt)));
  const shift = (Math.ceil((Date.now() - opening) / WEEK_MS) + 1) * WEEK_MS;
  const calendar = shiftCalendar(loadCalendarData(scenario.calendar).data, shift / DAY_MS);
  const obligations: OpenedObligation[] = scenario.obligations.map((obligation) => ({
    id: `${prefix}${obligation.id}`,
    unitId: obligation.unitId,
    taskId: obligation.taskId,
    period: obligation.period,
    dueAt: instantOf(obligation.dueAt) + shift,
    openedAt: instantOf(obligation.openedAt) + shift,
    previousPeriodOverdue: obligation.previousPeriodOverdue,
    ...(scenario.ladder ? { ladder: scenario.ladder } : {}),
  }));
  const firstStep = new Map<string, { kind: string; fireAt: number }>();
  for (const obligation of scenario.obligations) {
    const steps = scenario.expected.steps
      .filter((step) => step.subject === obligation.id)
      .sort((a, b) => instantOf(a.at) - instantOf(b.at));
    const firstEvent = Math.min(
      ...scenario.events
        .filter((event) =>
          'obligation' in event ? event.obligation === obligation.id : event.type === 'taskCancelled',
        )
        .map((event) => instantOf(event.at)),
    );
    if (steps[0] && instantOf(steps[0].at) < firstEvent) {
      firstStep.set(`${prefix}${obligation.id}`, { kind: steps[0].kind, fireAt: instantOf(steps[0].at) + shift });
    }
  }
  const unexpected = (name: string) => (): Promise<never> =>
    Promise.reject(new Error(`${name} must not run before the first step is due`));
  return {
    prefix,
    obligations,
    firstStep,
    activities: {
      loadCalendar: () => Promise.resolve(calendar),
      openPeriodObligations: ({ period, cursor, limit }) => {
        const ofPeriod = obligations.filter((obligation) => obligation.period === period);
        const start = cursor === null ? 0 : Number(cursor);
        const end = start + limit;
        return Promise.resolve({
          obligations: ofPeriod.slice(start, end),
          nextCursor: end < ofPeriod.length ? String(end) : null,
        });
      },
      checkPreviousPeriod: unexpected('checkPreviousPeriod'),
      recordStep: unexpected('recordStep'),
      openCase: unexpected('openCase'),
      scheduleInterview: unexpected('scheduleInterview'),
      sendNotices: unexpected('sendNotices'),
    },
  };
}

function shiftCalendar(data: CalendarData, days: number): CalendarData {
  const move = (date: string): string =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return { holidays: data.holidays.map(move), workdays: data.workdays.map(move), provisionalYears: [] };
}

/** Polls until `done` (a query fails until the workflow's first task has completed); ten seconds at most. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const value = await read();
      if (done(value) || attempt >= 50) {
        return value;
      }
    } catch (error) {
      if (attempt >= 50) {
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
