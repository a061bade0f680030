import { DAY_MS, localDateOf, nextEscalationStep, resolveLadder, WorkingCalendar } from '@app/workflows';
import { instantOf, SCENARIOS } from '../scenarios';
import { ignoredSignalsScenario } from '../scenarios/ignored-signals.scenario';
import {
  predictObligation,
  scenarioSignal,
  shiftedInstant,
  shiftScenario,
  stepsOfSubject,
  type PredictedObligation,
} from './shifted-scenario';

/**
 * The real-server suites cannot run here (no server), but what they rely on can: the shift keeps weekdays and puts
 * every scenario after the server's now, and the signal rules they predict with lead every scenario to its
 * expected final states. A server run then only has to confirm that the workflows follow the same rules.
 */
describe('shifted scenarios for the real-server suites', () => {
  const serverNow = Date.parse('2030-03-14T15:00:00+08:00');

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    'should move "%s" after now by whole weeks, calendar included',
    (_name, scenario) => {
      const shifted = shiftScenario(scenario, 'p-', serverNow);
      expect(shifted.shift % (7 * DAY_MS)).toBe(0);
      expect(Math.min(...shifted.obligations.map((o) => o.openedAt))).toBeGreaterThan(serverNow);
      const [first] = scenario.obligations;
      const weekday = (instant: number) => new Date(instant + 8 * 3_600_000).getUTCDay();
      expect(weekday(shiftedInstant(shifted, first.dueAt))).toBe(weekday(instantOf(first.dueAt)));
      const holiday = `${scenario.calendar.fromYear}-10-01`;
      const movedHoliday = localDateOf(Date.parse(`${holiday}T12:00:00+08:00`) + shifted.shift);
      expect(shifted.calendar.holidays).toContain(movedHoliday);
    },
  );

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    'should predict the final state of every obligation of "%s" from its signals alone',
    (_name, scenario) => {
      const shifted = shiftScenario(scenario, 'p-', serverNow);
      for (const obligation of scenario.obligations) {
        let state: PredictedObligation = { status: 'open', round: 0, dueAt: 0, rejected: 0 };
        const events = scenario.events
          .filter((event) =>
            'obligation' in event
              ? event.obligation === obligation.id
              : event.type === 'taskCancelled' && event.task === obligation.taskId,
          )
          .sort((a, b) => instantOf(a.at) - instantOf(b.at));
        for (const event of events) {
          const sent = event.type === 'taskCancelled' ? null : scenarioSignal(shifted, event, serverNow).sent;
          state = predictObligation(state, event, sent, serverNow);
        }
        expect({ status: state.status, round: state.round }).toEqual(scenario.expected.obligations[obligation.id]);
      }
    },
  );

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    'should plan the first step of "%s" at its shifted instant when asked long before it',
    (_name, scenario) => {
      const shifted = shiftScenario(scenario, 'p-', serverNow);
      const calendar = new WorkingCalendar(shifted.calendar);
      for (const obligation of shifted.obligations) {
        const id = obligation.id.slice('p-'.length);
        const [first] = stepsOfSubject(scenario, id);
        const firstEvent = Math.min(
          ...scenario.events
            .filter((event) =>
              'obligation' in event
                ? event.obligation === id
                : event.type === 'taskCancelled' && event.task === obligation.taskId,
            )
            .map((event) => instantOf(event.at)),
        );
        if (!first || instantOf(first.at) >= firstEvent) {
          // A person acts first: the suite checks what the signal changes instead.
          continue;
        }
        const decision = nextEscalationStep({
          obligation: { ...obligation, id, status: 'open', round: 0 },
          history: [],
          previousPeriodOverdue: obligation.previousPeriodOverdue,
          calendar,
          ladder: resolveLadder(scenario.ladder),
          now: serverNow,
        });
        expect(decision.type === 'step' ? { kind: decision.step.kind, fireAt: decision.step.fireAt } : null).toEqual({
          kind: first.kind,
          fireAt: shiftedInstant(shifted, first.at),
        });
      }
    },
  );

  it('should send a deadline the scenario moves into the past in the server past, and count it rejected', () => {
    const shifted = shiftScenario(ignoredSignalsScenario, 'p-', serverNow);
    const moved = ignoredSignalsScenario.events.find((event) => event.type === 'deadlineChanged');
    expect(moved).toBeDefined();
    if (moved?.type !== 'deadlineChanged') {
      return;
    }
    const signal = scenarioSignal(shifted, moved, serverNow);
    expect(signal).toMatchObject({ workflowId: 'obligation:p-o-2026-02', name: 'deadlineChanged' });
    expect(signal.sent).toBeLessThan(serverNow);
    const open: PredictedObligation = { status: 'open', round: 0, dueAt: 0, rejected: 0 };
    expect(predictObligation(open, moved, signal.sent, serverNow)).toEqual({ ...open, rejected: 1 });
  });
});
