import { runOnEmbeddedEngine, type EmbeddedScenarioVerdict } from '../factories/embedded-scenario-runner';
import { startTestApp, TestApp } from '../factories/test-app';
import { SCENARIOS } from '../scenarios';

/**
 * The engine-neutral scenario suite (`test/scenarios/`) on the embedded engine: each scenario runs on its own app
 * and database (SQLite, or MariaDB with DATABASE_URL), driven through the API and the dev clock.
 */
describe.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
  'Embedded engine scenario: %s',
  (_name, scenario) => {
    let t: TestApp | undefined;
    let verdict: EmbeddedScenarioVerdict;

    beforeAll(async () => {
      // Sessions outlast the scenario's clock jumps, so people are not signed in again at every instant.
      t = await startTestApp({ SESSION_TTL_HOURS: '720' });
      verdict = await runOnEmbeddedEngine(t, scenario);
    }, 240_000);
    afterAll(async () => {
      await t?.close();
    });

    it('should issue exactly the expected steps, at their minute, to their recipients', () => {
      expect(verdict.actualSteps).toEqual(verdict.expectedSteps);
    });

    it('should leave every obligation, case and interview in the expected state', () => {
      expect(verdict.actualFinal).toEqual(verdict.expectedFinal);
    });

    it('should answer every event as the rules say, run every timer and audit every step', () => {
      expect(verdict.problems).toEqual([]);
    });
  },
);
