import * as path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { longRunningTaskScenario } from '../scenarios/long-running-task.scenario';
import { buildScenarioHistories } from './scenario-histories';
import { bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import { quietRuntime } from './replay';

/** A change to a workflow's command order must break replay of the histories recorded before it. */
describe('Temporal determinism', () => {
  const cycle = buildScenarioHistories(longRunningTaskScenario).runs.find(
    (run) => run.workflowType === 'monthlyCycleWorkflow' && run.runId.endsWith('#run1'),
  );

  it('should replay a two-obligation page of the monthly cycle with the production workflows', async () => {
    expect(cycle).toBeDefined();
    quietRuntime();
    const bundle = await bundleWorkflows({ logger: new DefaultLogger('WARN') });
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, cycle?.history, cycle?.workflowId),
    ).resolves.toBeUndefined();
  });

  it('should fail with a DeterminismViolationError when the cycle starts the same children in another order', async () => {
    quietRuntime();
    const variant = await bundleWorkflowCode({
      workflowsPath: path.resolve(__dirname, 'variants/monthly-cycle-reversed.workflow.ts'),
      logger: new DefaultLogger('WARN'),
    });
    const replay = Worker.runReplayHistory({ workflowBundle: variant }, cycle?.history, cycle?.workflowId);
    await expect(replay).rejects.toThrow(DeterminismViolationError);
    await expect(replay).rejects.toThrow(/Child workflow id .* does not match/);
  });
});
