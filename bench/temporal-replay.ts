/**
 * The Temporal engine without a server: history size per obligation through the full ladder (goal ≤ 200 events),
 * replay time of the whole scenario suite (goal < 10 s), and bundling and cold worker start with the prebuilt
 * bundle (goal < 3 s; measured as a replay worker loading the bundle file and replaying one history, which is the
 * worker start minus the connection). Baseline in the same run: the smallest history (a one-page monthly cycle).
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/temporal-replay.ts [runs]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { bundleWorkflows } from '../apps/worker/src/workflow-bundle';
import { SCENARIOS } from '../test/scenarios';
import { buildScenarioHistories } from '../test/temporal/scenario-histories';
import { bundleWithRecorder, replayAll } from '../test/temporal/replay';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const logger = new DefaultLogger('ERROR');

  let started = performance.now();
  const production = await bundleWorkflows({ logger });
  const bundleMs = performance.now() - started;
  const bundleFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-bundle-')), 'workflow-bundle.js');
  fs.writeFileSync(bundleFile, production.code);

  started = performance.now();
  const built = SCENARIOS.map((scenario) => buildScenarioHistories(scenario));
  const buildMs = performance.now() - started;
  const allRuns = built.flatMap((scenario) => scenario.runs);
  const smallest = allRuns.reduce((best, run) => (run.events < best.events ? run : best));

  started = performance.now();
  await Worker.runReplayHistory({ workflowBundle: { codePath: bundleFile } }, smallest.history, smallest.workflowId);
  const coldStartMs = performance.now() - started;

  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    await Worker.runReplayHistory({ workflowBundle: { codePath: bundleFile } }, smallest.history, smallest.workflowId);
    baseline.push(performance.now() - started);
  }

  const code = await bundleWithRecorder();
  const suite: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    const outcome = await replayAll(
      code,
      allRuns.map((run) => ({ runId: run.replayId, history: run.history })),
    );
    suite.push(performance.now() - started);
    const failed = [...outcome.results.values()].filter((result) => result.error);
    if (failed.length > 0) {
      throw new Error(`${failed.length} histories failed to replay: ${failed[0].error?.message}`);
    }
  }

  const obligations = allRuns.filter((run) => run.workflowType === 'reportingObligationWorkflow');
  const largest = obligations.reduce((best, run) => (run.events > best.events ? run : best));
  const fullLadder = built
    .find((scenario) => scenario.scenario.name.startsWith('interview'))
    ?.runs.filter((run) => run.workflowType !== 'monthlyCycleWorkflow');
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  const lines = [
    `scenarios: ${SCENARIOS.length}, histories: ${allRuns.length} (${allRuns.reduce((n, run) => n + run.events, 0)} events), runs: ${runs}`,
    `bundle     workflows → sandbox bundle:            ${fmt(bundleMs)} (${(production.code.length / 1e6).toFixed(2)} MB)`,
    `build      scenario → histories (all):            ${fmt(buildMs)}`,
    `start      prebuilt bundle, cold, + 1 replay:     ${fmt(coldStartMs)}   goal < 3000 ms`,
    `baseline   smallest history (${smallest.events} events) replay:  median ${fmt(median(baseline))}`,
    `suite      every history, one replay worker:      median ${fmt(median(suite))}   goal < 10000 ms (${(median(suite) / median(baseline)).toFixed(1)}× baseline)`,
    `events     largest obligation history:            ${largest.events} (${largest.workflowId})   goal ≤ 200`,
    `events     full ladder to interview (obligation + case + interview): ${fullLadder?.map((run) => `${run.workflowType.replace('Workflow', '')} ${run.events}`).join(', ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
