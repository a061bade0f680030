import { SCENARIOS } from '../scenarios';
import { judgeScenario, type ScenarioVerdict } from './scenario-checks';
import { buildScenarioHistories, type ScenarioHistories } from './scenario-histories';
import { bundleWithRecorder, replayAll } from './replay';

/**
 * The scenario suite on the Temporal engine, without a server: each scenario becomes the histories a server would
 * have recorded, replayed through the real SDK with the production workflow bundle. Replay checks the command
 * order; the recorder checks step arguments, timer durations, children and results.
 */
describe('Temporal scenario replay', () => {
  const verdicts = new Map<string, ScenarioVerdict>();
  const built = new Map<string, ScenarioHistories>();

  beforeAll(async () => {
    const code = await bundleWithRecorder();
    const all = SCENARIOS.map((scenario) => buildScenarioHistories(scenario));
    const outcome = await replayAll(
      code,
      all.flatMap((histories) => histories.runs.map((run) => ({ runId: run.replayId, history: run.history }))),
    );
    for (const histories of all) {
      built.set(histories.scenario.name, histories);
      verdicts.set(histories.scenario.name, judgeScenario(histories, outcome));
    }
  });

  describe.each(SCENARIOS.map((scenario) => [scenario.name]))('%s', (name) => {
    it('should replay every history and issue exactly the expected steps', () => {
      const verdict = verdicts.get(name);
      expect(verdict).toBeDefined();
      expect(verdict?.problems).toEqual([]);
      expect(verdict?.actualSteps).toEqual(verdict?.expectedSteps);
    });

    it('should keep every obligation history under 200 events', () => {
      const runs = built.get(name)?.runs ?? [];
      const obligations = runs.filter((run) => run.workflowType === 'reportingObligationWorkflow');
      expect(obligations.length).toBeGreaterThan(0);
      for (const run of obligations) {
        expect({ run: run.workflowId, events: Math.min(run.events, 200) }).toEqual({
          run: run.workflowId,
          events: run.events,
        });
      }
    });
  });
});
