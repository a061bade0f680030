import { ObligationsService } from '@app/reporting';
import { instantOf, localTimeOf, type Scenario } from '../scenarios';
import { ScenarioApi, type ClockRun } from './scenario-api';
import { applyEvent, ScenarioModel } from './scenario-events';
import { ScenarioObserver, type ComparableStep } from './scenario-observations';
import { bindOpened, buildWorld, waiveUnlisted } from './scenario-world';
import type { TestApp } from './test-app';

export interface EmbeddedScenarioVerdict {
  readonly actualSteps: readonly ComparableStep[];
  readonly expectedSteps: readonly ComparableStep[];
  readonly actualFinal: Record<string, unknown>;
  readonly expectedFinal: Record<string, unknown>;
  /** Refused or accepted events against the rules, failed timers, notices or audit entries missing. */
  readonly problems: readonly string[];
}

/**
 * Runs one engine-neutral scenario on the embedded engine of a real app: the world is built through the API, then
 * the dev clock visits every instant the scenario names and every instant the engine has a timer for (so a step
 * issued early is seen early), applying the events of an instant before the engine runs at it. At `until` the
 * records are compared with the expectations.
 */
export async function runOnEmbeddedEngine(t: TestApp, scenario: Scenario): Promise<EmbeddedScenarioVerdict> {
  const api = new ScenarioApi(t);
  const world = await buildWorld(api, scenario);
  const model = new ScenarioModel(scenario);
  const observer = new ScenarioObserver(t, api, scenario, world, model);
  const problems: string[] = [];
  const until = instantOf(scenario.until);
  const events = scenario.events
    .map((event, index) => ({ event, index, at: instantOf(event.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const named = [
    ...new Set([
      ...cycleOpenings(scenario),
      ...scenario.obligations.map((o) => instantOf(o.openedAt)),
      ...events.map((e) => e.at),
      ...scenario.expected.steps.map((s) => instantOf(s.at)),
      until,
    ]),
  ]
    .filter((instant) => instant <= until)
    .sort((a, b) => a - b);
  const checkRun = (at: number, run: ClockRun) => {
    if (run.stepsFailed > 0) {
      problems.push(`${localTimeOf(at)}: ${run.stepsFailed} timer(s) failed`);
    }
  };
  const overdueChecked = new Set<string>();

  for (let visit: number | null = named[0]; visit !== null;) {
    const opening = scenario.obligations.filter((o) => instantOf(o.openedAt) === visit);
    if (opening.length > 0 || cycleOpenings(scenario).includes(visit)) {
      checkRun(visit, await api.moveClock(visit));
      await bindOpened(api, world, opening);
      opening.forEach((o) => model.opened(o.id));
      await waiveUnlisted(api, world);
    } else {
      api.setClock(visit);
    }
    for (const { event } of events.filter((e) => e.at === visit)) {
      problems.push(...(await applyEvent(api, world, model, event, visit)));
    }
    checkRun(visit, await api.moveClock(visit));
    await observer.discover();
    problems.push(...(await checkPreviousPeriods(t, scenario, world.obligations, model, visit, overdueChecked)));
    const current: number = visit;
    const nextNamed = named.find((instant) => instant > current) ?? null;
    const nextTimer = await observer.nextTimerAfter(current);
    const candidates = [nextNamed, nextTimer].filter((at): at is number => at !== null && at <= until);
    visit = candidates.length > 0 ? Math.min(...candidates) : null;
  }

  const steps = await observer.steps();
  return {
    actualSteps: steps.actual,
    expectedSteps: steps.expected,
    actualFinal: await observer.finalStates(),
    expectedFinal: {
      obligations: scenario.expected.obligations,
      cases: scenario.expected.cases ?? {},
      interviews: scenario.expected.interviews ?? {},
    },
    problems: [...problems, ...steps.problems],
  };
}

/** 01:00 on the 1st of every month the scenario spans: when the monthly cycle opens the month's periods. */
function cycleOpenings(scenario: Scenario): number[] {
  const first = Math.min(...scenario.obligations.map((o) => instantOf(o.openedAt)));
  const until = instantOf(scenario.until);
  const openings: number[] = [];
  let [year, month] = localTimeOf(first).slice(0, 7).split('-').map(Number);
  for (;;) {
    const at = instantOf(`${year}-${String(month).padStart(2, '0')}-01 01:00`);
    if (at > until) {
      return openings;
    }
    if (at >= first) {
      openings.push(at);
    }
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/**
 * Once an obligation's deadline has passed, the reporting lib's answer to "was the previous period overdue" must
 * be the scenario's (the embedded engine asks it at every decision).
 */
async function checkPreviousPeriods(
  t: TestApp,
  scenario: Scenario,
  ids: ReadonlyMap<string, number>,
  model: ScenarioModel,
  now: number,
  checked: Set<string>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const obligation of scenario.obligations) {
    const id = ids.get(obligation.id);
    const state = model.obligations.get(obligation.id);
    if (id === undefined || !state || checked.has(obligation.id) || state.dueAt >= now) {
      continue;
    }
    checked.add(obligation.id);
    const snapshot = await t.app.get(ObligationsService).ladderSnapshot(id, new Date(now));
    if (snapshot.previousPeriodOverdue !== obligation.previousPeriodOverdue) {
      problems.push(
        `${obligation.id}: previous period overdue is ${snapshot.previousPeriodOverdue} at ${localTimeOf(now)}, the scenario says ${obligation.previousPeriodOverdue}`,
      );
    }
  }
  return problems;
}
