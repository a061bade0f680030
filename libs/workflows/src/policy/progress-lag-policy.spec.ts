import fc from 'fast-check';
import { IssuedStep } from './escalation-steps';
import { PolicyError } from './policy-error';
import { ProgressLagInput, nextProgressLagStep } from './progress-lag-policy';
import { DAY_MS } from './shanghai-time';
import { chineseCalendar, shanghai, wallClock } from './testing/policy.factories';

const calendar = chineseCalendar();

function aCheck(overrides: Partial<ProgressLagInput> = {}): ProgressLagInput {
  return {
    obligationId: 'obligation-9',
    window: { start: shanghai('2025-01-01 00:00'), end: shanghai('2026-01-01 00:00') },
    reportedPercent: 25,
    history: [],
    calendar,
    now: shanghai('2025-07-02 10:00'),
    ...overrides,
  };
}

describe(nextProgressLagStep.name, () => {
  it('should warn when progress trails the elapsed share by more than 20 points', () => {
    const decision = nextProgressLagStep(aCheck());
    expect(decision.type === 'step' && decision.step).toMatchObject({
      kind: 'progress_lag_warning',
      dedupKey: 'notice:obligation-9:progress_lag_warning',
      reportedPercent: 25,
    });
    expect(decision.type === 'step' && Math.round(decision.step.lagPoints)).toBe(25);
  });

  it('should stay quiet when the lag is within the margin', () => {
    expect(nextProgressLagStep(aCheck({ reportedPercent: 35 }))).toEqual({ type: 'none', reason: 'on_track' });
    expect(nextProgressLagStep(aCheck({ marginPoints: 30 }))).toEqual({ type: 'none', reason: 'on_track' });
  });

  it('should wait for the office to open when checked during 国庆', () => {
    const decision = nextProgressLagStep(aCheck({ now: shanghai('2025-10-02 10:00') }));
    expect(decision.type === 'step' && wallClock(decision.step.fireAt)).toBe('2025-10-09 09:00');
  });

  it('should say nothing when no progress was reported', () => {
    expect(nextProgressLagStep(aCheck({ reportedPercent: null }))).toEqual({ type: 'none', reason: 'no_progress' });
  });

  it('should throw when the percentage or the window is impossible', () => {
    expect(() => nextProgressLagStep(aCheck({ reportedPercent: 120 }))).toThrow(PolicyError);
    const window = { start: shanghai('2025-06-01 00:00'), end: shanghai('2025-06-01 00:00') };
    expect(() => nextProgressLagStep(aCheck({ window }))).toThrow(PolicyError);
  });

  it('should warn at most once per period whatever the checks and reports', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 * DAY_MS }), fc.integer({ min: 0, max: 100 })), {
          maxLength: 30,
        }),
        (checks) => {
          const history: IssuedStep[] = [];
          for (const [offset, reportedPercent] of checks) {
            const now = shanghai('2025-01-01 00:00') + offset;
            const decision = nextProgressLagStep(aCheck({ history, reportedPercent, now }));
            if (decision.type === 'step') {
              expect(calendar.isWithinOfficeHours(decision.step.fireAt)).toBe(true);
              history.push({ kind: decision.step.kind, at: decision.step.fireAt });
            }
          }
          expect(history.length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
