import fc from 'fast-check';
import { rectificationDeadlineFor } from './escalation-policy';
import { IssuedStep } from './escalation-steps';
import { DAY_MS } from './shanghai-time';
import { SupervisionCaseSnapshot, nextSupervisionStep } from './supervision-case-policy';
import { chineseCalendar, shanghai, wallClock } from './testing/policy.factories';

const calendar = chineseCalendar();

function aCase(overrides: Partial<SupervisionCaseSnapshot> = {}): SupervisionCaseSnapshot {
  const openedAt = shanghai('2025-10-09 09:00');
  return {
    id: 'case-7',
    unitId: 'unit-1',
    openedAt,
    rectificationDeadline: rectificationDeadlineFor(openedAt, calendar, 10),
    status: 'open',
    ...overrides,
  };
}

describe(nextSupervisionStep.name, () => {
  it('should summon the principal head the working day after the deadline when the case is still open', () => {
    const decision = nextSupervisionStep({
      supervisionCase: aCase(),
      history: [],
      calendar,
      now: shanghai('2025-10-09 09:00'),
    });
    expect(decision.type === 'step' && decision.step).toMatchObject({
      kind: 'interview',
      recipients: ['unit_principal_head', 'office_admin', 'supervisor'],
      dedupKey: 'notice:supervision:case-7:interview',
    });
    expect(decision.type === 'step' && wallClock(decision.step.fireAt)).toBe('2025-10-23 09:00');
  });

  it('should issue at once on recovery when the deadline passed while the system was down', () => {
    const now = shanghai('2025-11-03 14:00');
    const decision = nextSupervisionStep({ supervisionCase: aCase(), history: [], calendar, now });
    expect(decision.type === 'step' && decision.step.fireAt).toBe(now);
  });

  it('should stop when the case is closed', () => {
    const decision = nextSupervisionStep({
      supervisionCase: aCase({ status: 'closed' }),
      history: [],
      calendar,
      now: shanghai('2025-11-03 14:00'),
    });
    expect(decision).toEqual({ type: 'none', reason: 'closed' });
  });

  it('should summon at most once whatever the sequence of nows queried', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 * DAY_MS }), { maxLength: 30 }), (offsets) => {
        const history: IssuedStep[] = [];
        for (const offset of offsets) {
          const now = shanghai('2025-10-09 09:00') + offset;
          const decision = nextSupervisionStep({ supervisionCase: aCase(), history, calendar, now });
          if (decision.type === 'step' && decision.step.fireAt <= now) {
            expect(calendar.isWithinOfficeHours(now)).toBe(true);
            history.push({ kind: decision.step.kind, at: now });
          }
        }
        expect(history.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
