import { resolveLadder } from '@app/workflows';
import { DEFAULT_PLAN_LADDER, escalationLadderOf, planLadderProblems } from './plan-ladder-rules';

describe(planLadderProblems.name, () => {
  it('should find nothing wrong when the ladder is the default', () => {
    expect(planLadderProblems(DEFAULT_PLAN_LADDER)).toEqual({});
  });

  it('should name the later step when severity would not grow with time', () => {
    const problems = planLadderProblems({
      ...DEFAULT_PLAN_LADDER,
      yellowWarningAfterWorkingDays: 5,
      redWarningAfterWorkingDays: 5,
      supervisionAfterWorkingDays: 4,
    });
    expect(Object.keys(problems).sort()).toEqual(['redWarningAfterWorkingDays', 'supervisionAfterWorkingDays']);
    expect(problems.redWarningAfterWorkingDays).toEqual(['须晚于黄色预警（大于 5 个工作日）']);
  });

  it('should name every count outside 1–250 when several are wrong at once', () => {
    const problems = planLadderProblems({
      ...DEFAULT_PLAN_LADDER,
      reminderWorkingDaysBeforeDue: 0,
      yellowWarningAfterWorkingDays: 0.5,
      rectificationWorkingDays: 251,
    });
    expect(Object.keys(problems).sort()).toEqual([
      'rectificationWorkingDays',
      'reminderWorkingDaysBeforeDue',
      'yellowWarningAfterWorkingDays',
    ]);
  });

  it('should accept no reminder before the due date when the office turns it off', () => {
    expect(planLadderProblems({ ...DEFAULT_PLAN_LADDER, reminderWorkingDaysBeforeDue: null })).toEqual({});
  });

  it('should refuse office hours that are not HH:mm or that close before they open', () => {
    expect(Object.keys(planLadderProblems({ ...DEFAULT_PLAN_LADDER, officeOpensAt: '8:30' }))).toEqual([
      'officeOpensAt',
    ]);
    expect(
      planLadderProblems({ ...DEFAULT_PLAN_LADDER, officeOpensAt: '09:00', officeClosesAt: '09:00' }).officeClosesAt,
    ).toEqual(['须晚于上班时间 09:00']);
  });
});

describe('progress-lag margin', () => {
  it('should accept any whole number of points from 0 to 100', () => {
    for (const progressLagMarginPoints of [0, 20, 100]) {
      expect(planLadderProblems({ ...DEFAULT_PLAN_LADDER, progressLagMarginPoints })).toEqual({});
    }
  });

  it('should name the margin when it is negative, above 100 or fractional', () => {
    for (const progressLagMarginPoints of [-1, 101, 2.5, Number.NaN]) {
      expect(planLadderProblems({ ...DEFAULT_PLAN_LADDER, progressLagMarginPoints })).toEqual({
        progressLagMarginPoints: ['须为 0–100 的整数（百分点）'],
      });
    }
  });
});

describe(escalationLadderOf.name, () => {
  it('should give the policy a ladder it accepts when the rules found nothing wrong', () => {
    const ladder = escalationLadderOf({ ...DEFAULT_PLAN_LADDER, officeOpensAt: '08:30', officeClosesAt: '17:30' });
    expect(resolveLadder(ladder)).toEqual(ladder);
    expect(ladder.officeHours).toEqual({ start: '08:30', end: '17:30' });
  });
});
