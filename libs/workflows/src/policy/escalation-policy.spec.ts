import fc from 'fast-check';
import { resolveLadder } from './escalation-ladder';
import { EscalationInput, ladderSchedule, nextEscalationStep, ObligationStep } from './escalation-policy';
import { OBLIGATION_LADDER } from './escalation-steps';
import { PolicyError } from './policy-error';
import { DAY_MS, MINUTE_MS, localDateOf } from './shanghai-time';
import { anObligation, chineseCalendar, shanghai, simulateLadder, wallClock } from './testing/policy.factories';

const calendar = chineseCalendar();

function ask(overrides: Partial<EscalationInput> = {}): ObligationStep | undefined {
  const decision = nextEscalationStep({
    obligation: anObligation(),
    history: [],
    previousPeriodOverdue: false,
    calendar,
    now: shanghai('2025-09-01 09:00'),
    ...overrides,
  });
  return decision.type === 'step' ? decision.step : undefined;
}

const rank = (kind: string): number => (OBLIGATION_LADDER as readonly string[]).indexOf(kind);

/** A due date anywhere in 2025–2028, at the end of that day. */
const anyDueAt = fc.integer({ min: 0, max: 3 * 365 }).map((days) => shanghai('2025-03-01 23:59') + days * DAY_MS);
const lateWakeUps = fc.array(fc.integer({ min: 0, max: 6 * DAY_MS }), { maxLength: 6 });

describe(nextEscalationStep.name, () => {
  describe('ladder on real dates', () => {
    it('should place every step on working days when the due date falls in the 国庆/中秋 2025 break', () => {
      const schedule = ladderSchedule(anObligation(), calendar).map((rung) => [rung.kind, wallClock(rung.scheduledAt)]);
      expect(schedule).toEqual([
        ['reminder_before_due', '2025-09-29 09:00'],
        ['reminder_due', '2025-09-30 09:00'],
        ['yellow_warning', '2025-10-09 09:00'],
        ['red_warning', '2025-10-14 09:00'], // counts the make-up Saturday 10-11
        ['supervision_case', '2025-10-21 09:00'],
      ]);
    });

    it('should warn on the make-up Saturday when the report is due just before 春节 2026', () => {
      const obligation = anObligation({ dueAt: shanghai('2026-02-13 23:59') });
      const schedule = ladderSchedule(obligation, calendar).map((rung) => [rung.kind, wallClock(rung.scheduledAt)]);
      expect(schedule).toEqual([
        ['reminder_before_due', '2026-02-11 09:00'],
        ['reminder_due', '2026-02-13 09:00'],
        ['yellow_warning', '2026-02-14 09:00'],
        ['red_warning', '2026-02-27 09:00'],
        ['supervision_case', '2026-03-05 09:00'], // counts the make-up Saturday 02-28
      ]);
    });

    it('should skip 2027-01-01 when the year is only provisional', () => {
      const step = ask({
        obligation: anObligation({ dueAt: shanghai('2026-12-31 23:59') }),
        now: shanghai('2026-12-31 20:00'),
      });
      expect(step?.kind).toBe('yellow_warning');
      expect(wallClock(step?.fireAt ?? 0)).toBe('2027-01-04 09:00');
      expect(step?.provisionalCalendar).toBe(true);
    });

    it('should offer the first reminder with its recipients and dedup key when asked early', () => {
      expect(ask()).toMatchObject({
        kind: 'reminder_before_due',
        round: 0,
        recipients: ['unit_liaison'],
        dedupKey: 'notice:obligation-1:reminder_before_due',
        supersedes: [],
        provisionalCalendar: false,
      });
    });
  });

  describe('recovery', () => {
    it('should send only the red warning when the system comes back five working days late', () => {
      const step = ask({ now: shanghai('2025-10-15 10:30') });
      expect(step).toMatchObject({ kind: 'red_warning', recipients: ['unit_head', 'office_admin'] });
      expect(step?.supersedes).toEqual(['reminder_before_due', 'reminder_due', 'yellow_warning']);
      expect(step?.fireAt).toBe(shanghai('2025-10-15 10:30'));
    });

    it('should wait for the office to open when asked at night', () => {
      const step = ask({ now: shanghai('2025-10-20 21:00') });
      expect(step?.kind).toBe('supervision_case');
      expect(wallClock(step?.fireAt ?? 0)).toBe('2025-10-21 09:00');
    });

    it('should never offer a step again or a lesser one when a higher step was issued', () => {
      const history = [{ kind: 'red_warning' as const, at: shanghai('2025-10-14 09:00'), round: 0 }];
      const step = ask({ history, now: shanghai('2025-10-15 09:00') });
      expect(step?.kind).toBe('supervision_case');
      expect(step?.fireAt).toBe(shanghai('2025-10-21 09:00'));
    });

    it('should drop the reminder when the deadline has passed by the time it could be sent', () => {
      const obligation = anObligation({ dueAt: shanghai('2025-10-10 12:00') });
      const step = ask({ obligation, now: shanghai('2025-10-10 13:00') });
      expect(step?.kind).toBe('yellow_warning');
      expect(wallClock(step?.fireAt ?? 0)).toBe('2025-10-11 09:00');
      expect(step?.supersedes).toEqual(['reminder_before_due', 'reminder_due']);
    });

    it('should report the ladder complete when the supervision case was issued', () => {
      const history = [{ kind: 'supervision_case' as const, at: shanghai('2025-10-21 09:00') }];
      const decision = nextEscalationStep({
        obligation: anObligation(),
        history,
        previousPeriodOverdue: false,
        calendar,
        now: shanghai('2025-12-01 09:00'),
      });
      expect(decision).toEqual({ type: 'none', reason: 'ladder_complete' });
    });
  });

  describe('supervision case', () => {
    it('should open the case with the yellow warning when the previous period was overdue too', () => {
      const step = ask({ previousPeriodOverdue: true, now: shanghai('2025-10-09 09:00') });
      expect(step).toMatchObject({ kind: 'supervision_case', trigger: 'consecutive_overdue' });
      expect(step?.supersedes).toContain('yellow_warning');
      expect(wallClock(step?.rectificationDeadline ?? 0)).toBe('2025-10-22 18:00');
    });

    it('should count the rectification deadline from the late opening when recovering', () => {
      const step = ask({ now: shanghai('2025-10-23 15:00') });
      expect(step).toMatchObject({ kind: 'supervision_case', trigger: 'overdue' });
      expect(wallClock(step?.rectificationDeadline ?? 0)).toBe('2025-11-06 18:00');
    });
  });

  describe('status', () => {
    it.each(['submitted', 'accepted', 'waived'] as const)(
      'should stop the ladder when the obligation is %s',
      (status) => {
        const decision = nextEscalationStep({
          obligation: anObligation({ status }),
          history: [],
          previousPeriodOverdue: true,
          calendar,
          now: shanghai('2025-10-20 10:00'),
        });
        expect(decision).toEqual({ type: 'none', reason: 'stopped' });
      },
    );

    it('should restart the ladder from the new due date with fresh keys when the report is returned', () => {
      const obligation = anObligation({
        status: 'returned',
        round: 1,
        returnedAt: shanghai('2025-10-20 10:00'),
        dueAt: shanghai('2025-10-24 23:59'),
      });
      const history = [
        { kind: 'yellow_warning' as const, at: shanghai('2025-10-09 09:00'), round: 0 },
        { kind: 'red_warning' as const, at: shanghai('2025-10-14 09:00'), round: 0 },
      ];
      const step = ask({ obligation, history, now: shanghai('2025-10-20 10:00') });
      expect(step).toMatchObject({ kind: 'reminder_before_due', round: 1 });
      expect(step?.dedupKey).toBe('notice:obligation-1:reminder_before_due:r1');
      expect(wallClock(step?.fireAt ?? 0)).toBe('2025-10-22 09:00');
    });

    it('should throw when a returned obligation has no new round', () => {
      const obligation = anObligation({ status: 'returned', returnedAt: shanghai('2025-10-20 10:00') });
      expect(() => ask({ obligation })).toThrow(PolicyError);
    });
  });

  describe('ladder configuration', () => {
    it('should follow a plan ladder when the plan configures one', () => {
      const ladder = resolveLadder({ reminderWorkingDaysBeforeDue: null, redWarningAfterWorkingDays: 3 });
      const kinds = ladderSchedule(anObligation(), calendar, ladder).map((rung) => rung.kind);
      expect(kinds).toEqual(['reminder_due', 'yellow_warning', 'red_warning', 'supervision_case']);
      const red = ladderSchedule(anObligation(), calendar, ladder).find((rung) => rung.kind === 'red_warning');
      expect(wallClock(red?.scheduledAt ?? 0)).toBe('2025-10-11 09:00');
    });

    it('should throw when severity would not grow with time', () => {
      expect(() => resolveLadder({ redWarningAfterWorkingDays: 12 })).toThrow(PolicyError);
      expect(() => resolveLadder({ yellowWarningAfterWorkingDays: 0 })).toThrow(PolicyError);
    });

    it('should place and issue steps at the plan office opening when the ladder sets office hours', () => {
      const ladder = resolveLadder({ officeHours: { start: '08:30', end: '17:30' } });
      const yellow = ladderSchedule(anObligation(), calendar, ladder).find((rung) => rung.kind === 'yellow_warning');
      expect(wallClock(yellow?.scheduledAt ?? 0)).toBe('2025-10-09 08:30');
      const late = ask({ ladder, now: shanghai('2025-10-09 17:45') });
      expect(late?.kind).toBe('yellow_warning');
      expect(wallClock(late?.fireAt ?? 0)).toBe('2025-10-10 08:30');
    });

    it('should end the rectification deadline at the plan closing time when the ladder sets office hours', () => {
      const ladder = resolveLadder({ officeHours: { start: '08:30', end: '17:30' } });
      const step = ask({ ladder, now: shanghai('2025-10-21 10:00') });
      expect(step?.kind).toBe('supervision_case');
      expect(wallClock(step?.rectificationDeadline ?? 0)).toMatch(/ 17:30$/);
    });

    it('should throw when the office hours do not start before they end', () => {
      expect(() => resolveLadder({ officeHours: { start: '18:00', end: '09:00' } })).toThrow(PolicyError);
      expect(() => resolveLadder({ officeHours: { start: '9:00', end: '18:00' } })).toThrow(PolicyError);
    });
  });

  describe('properties', () => {
    it('should issue steps only inside office hours on working days when woken at any time', () => {
      fc.assert(
        fc.property(anyDueAt, fc.boolean(), lateWakeUps, (dueAt, previousPeriodOverdue, delays) => {
          const history = simulateLadder({
            obligation: anObligation({ dueAt }),
            calendar,
            previousPeriodOverdue,
            start: dueAt - 20 * DAY_MS,
            until: dueAt + 60 * DAY_MS,
            lateWakeUps: delays,
          });
          for (const step of history) {
            expect(calendar.isWithinOfficeHours(step.at)).toBe(true);
          }
        }),
      );
    });

    it('should answer with an office-hours fireAt no earlier than now when asked at any instant', () => {
      fc.assert(
        fc.property(anyDueAt, fc.integer({ min: -20 * DAY_MS, max: 40 * DAY_MS }), (dueAt, offset) => {
          const now = dueAt + offset;
          const step = ask({ obligation: anObligation({ dueAt }), now });
          if (step) {
            expect(step.fireAt).toBeGreaterThanOrEqual(now);
            expect(calendar.isWithinOfficeHours(step.fireAt)).toBe(true);
            expect(calendar.isWithinOfficeHours(step.scheduledAt)).toBe(true);
          }
        }),
      );
    });

    it('should never warn when the report is submitted before the due date', () => {
      fc.assert(
        fc.property(anyDueAt, fc.integer({ min: 1, max: 10 * DAY_MS }), lateWakeUps, (dueAt, early, delays) => {
          const history = simulateLadder({
            obligation: anObligation({ dueAt }),
            calendar,
            previousPeriodOverdue: true,
            start: dueAt - 20 * DAY_MS,
            until: dueAt + 60 * DAY_MS,
            submitAt: dueAt - early,
            lateWakeUps: delays,
          });
          expect(history.filter((step) => !step.kind.startsWith('reminder'))).toEqual([]);
        }),
      );
    });

    it('should issue steps in time order and ladder order when left to run', () => {
      fc.assert(
        fc.property(anyDueAt, fc.boolean(), lateWakeUps, (dueAt, previousPeriodOverdue, delays) => {
          const history = simulateLadder({
            obligation: anObligation({ dueAt }),
            calendar,
            previousPeriodOverdue,
            start: dueAt - 20 * DAY_MS,
            until: dueAt + 60 * DAY_MS,
            lateWakeUps: delays,
          });
          expect(history.map((step) => step.kind)).toContain('supervision_case');
          for (let i = 1; i < history.length; i++) {
            expect(history[i].at).toBeGreaterThanOrEqual(history[i - 1].at);
            expect(rank(history[i].kind)).toBeGreaterThan(rank(history[i - 1].kind));
          }
        }),
      );
    });

    it('should issue the full default ladder at the scheduled times when nothing is late', () => {
      fc.assert(
        fc.property(anyDueAt, (dueAt) => {
          const obligation = anObligation({ dueAt });
          const history = simulateLadder({
            obligation,
            calendar,
            start: dueAt - 20 * DAY_MS,
            until: dueAt + 60 * DAY_MS,
          });
          const expected = ladderSchedule(obligation, calendar).map((rung) => ({
            kind: rung.kind,
            at: rung.scheduledAt,
          }));
          expect(history.map(({ kind, at }) => ({ kind, at }))).toEqual(expected);
        }),
      );
    });

    it('should run the new round as a fresh ladder from the new due date when the report is returned', () => {
      fc.assert(
        fc.property(
          anyDueAt,
          fc.integer({ min: 0, max: 15 }),
          fc.integer({ min: 1, max: 15 }),
          lateWakeUps,
          (dueAt, returnAfterDays, newDueAfterDays, delays) => {
            const firstRound = simulateLadder({
              obligation: anObligation({ dueAt }),
              calendar,
              start: dueAt - 20 * DAY_MS,
              until: dueAt + returnAfterDays * DAY_MS,
            });
            const returnedAt = dueAt + returnAfterDays * DAY_MS + 11 * 60 * MINUTE_MS;
            const newDueAt = dueAt + (returnAfterDays + newDueAfterDays) * DAY_MS;
            const returned = anObligation({ status: 'returned', round: 1, returnedAt, dueAt: newDueAt });
            const fresh = anObligation({ openedAt: returnedAt, dueAt: newDueAt });
            const run = (obligation: typeof fresh, history: typeof firstRound) =>
              simulateLadder({
                obligation,
                calendar,
                history,
                start: returnedAt,
                until: newDueAt + 60 * DAY_MS,
                lateWakeUps: delays,
              })
                .filter((step) => (step.round ?? 0) === (obligation.round ?? 0) && step.at >= returnedAt)
                .map(({ kind, at }) => ({ kind, at }));
            const secondRound = run(returned, firstRound);
            expect(secondRound).toEqual(run(fresh, []));
            const yellow = secondRound.find((step) => step.kind === 'yellow_warning');
            if (yellow) {
              expect(localDateOf(yellow.at) > localDateOf(newDueAt)).toBe(true);
            }
          },
        ),
      );
    });

    it('should issue each step at most once per round whatever the sequence of nows queried', () => {
      fc.assert(
        fc.property(
          anyDueAt,
          fc.boolean(),
          fc.array(fc.integer({ min: -20 * DAY_MS, max: 40 * DAY_MS }), { maxLength: 40 }),
          (dueAt, previousPeriodOverdue, offsets) => {
            const obligation = anObligation({ dueAt });
            const history: Array<{ kind: ObligationStep['kind']; at: number; round: number }> = [];
            for (const offset of offsets) {
              const decision = nextEscalationStep({
                obligation,
                history,
                previousPeriodOverdue,
                calendar,
                now: dueAt + offset,
              });
              if (decision.type === 'step' && decision.step.fireAt <= dueAt + offset) {
                history.push({ kind: decision.step.kind, at: dueAt + offset, round: 0 });
              }
            }
            const kinds = history.map((step) => step.kind);
            expect(new Set(kinds).size).toBe(kinds.length);
            for (let i = 1; i < kinds.length; i++) {
              expect(rank(kinds[i])).toBeGreaterThan(rank(kinds[i - 1]));
            }
          },
        ),
      );
    });
  });
});
