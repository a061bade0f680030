import type { ExpectedStep, Scenario } from './scenario';

const yellowRecipients = ['unit_liaison', 'unit_head', 'office_admin'] as const;

function reminders(obligation: string, before: string, due: string | null, provisional: boolean): ExpectedStep[] {
  const steps: ExpectedStep[] = [
    {
      subject: obligation,
      kind: 'reminder_before_due',
      at: before,
      recipients: ['unit_liaison'],
      provisionalCalendar: provisional,
    },
  ];
  if (due !== null) {
    steps.push({
      subject: obligation,
      kind: 'reminder_due',
      at: due,
      recipients: ['unit_liaison'],
      provisionalCalendar: provisional,
    });
  }
  return steps;
}

/**
 * 持续实施的任务由三个单位每月报送，跨三个报送期并跨入 2027 年（2027 年节假日尚为依法推定的临时日历）。每期由月度周期
 * 分页开启（每页 2 个，3 个报送义务需两页：周期在页间 continue-as-new）；每期一个报送义务，历史不随任务年限增长。
 */
export const longRunningTaskScenario: Scenario = {
  name: 'a long-running task crossing continue-as-new',
  description:
    '持续实施任务，三个单位，2026年10月至12月三期。月度周期每页开启 2 个报送义务，3 个需两页（页间 continue-as-new）。乙单位十月逾期、十一月按时（上期逾期但本期未逾期，不督办）；丙单位十一月“无此项任务”；十二月报告截止 2027年1月3日（临时日历），甲单位 1月4日 8:30 办公前补报，不发黄色预警。',
  calendar: { fromYear: 2026, toYear: 2028 },
  cyclePageSize: 2,
  obligations: [
    ...(['a', 'b', 'c'] as const).map((unit) => ({
      id: `o-${unit}-2026-10`,
      taskId: 't-ongoing',
      unitId: `u-${unit}`,
      period: '2026-10',
      openedAt: '2026-10-01 01:00',
      dueAt: '2026-11-03 23:59',
      previousPeriodOverdue: false,
    })),
    ...(['a', 'b', 'c'] as const).map((unit) => ({
      id: `o-${unit}-2026-11`,
      taskId: 't-ongoing',
      unitId: `u-${unit}`,
      period: '2026-11',
      openedAt: '2026-11-01 01:00',
      dueAt: '2026-12-03 23:59',
      previousPeriodOverdue: unit === 'b',
    })),
    ...(['a', 'b', 'c'] as const).map((unit) => ({
      id: `o-${unit}-2026-12`,
      taskId: 't-ongoing',
      unitId: `u-${unit}`,
      period: '2026-12',
      openedAt: '2026-12-01 01:00',
      dueAt: '2027-01-03 23:59',
      previousPeriodOverdue: false,
    })),
  ],
  events: [
    { at: '2026-11-02 10:00', type: 'submitted', obligation: 'o-a-2026-10', submissionId: 's-a-10' },
    { at: '2026-11-03 15:00', type: 'submitted', obligation: 'o-c-2026-10', submissionId: 's-c-10' },
    { at: '2026-11-04 10:00', type: 'accepted', obligation: 'o-a-2026-10', submissionId: 's-a-10' },
    { at: '2026-11-04 10:05', type: 'accepted', obligation: 'o-c-2026-10', submissionId: 's-c-10' },
    { at: '2026-11-05 10:00', type: 'submitted', obligation: 'o-b-2026-10', submissionId: 's-b-10' },
    { at: '2026-11-06 10:00', type: 'accepted', obligation: 'o-b-2026-10', submissionId: 's-b-10' },

    { at: '2026-12-01 11:00', type: 'waived', obligation: 'o-c-2026-11', reason: '无此项任务' },
    { at: '2026-12-01 16:00', type: 'submitted', obligation: 'o-a-2026-11', submissionId: 's-a-11' },
    { at: '2026-12-02 10:00', type: 'accepted', obligation: 'o-a-2026-11', submissionId: 's-a-11' },
    { at: '2026-12-02 11:00', type: 'submitted', obligation: 'o-b-2026-11', submissionId: 's-b-11' },
    { at: '2026-12-03 10:00', type: 'accepted', obligation: 'o-b-2026-11', submissionId: 's-b-11' },

    { at: '2026-12-29 10:00', type: 'submitted', obligation: 'o-c-2026-12', submissionId: 's-c-12' },
    { at: '2026-12-30 10:00', type: 'accepted', obligation: 'o-c-2026-12', submissionId: 's-c-12' },
    // Before the office opens on the first working day after the due date: no yellow warning yet.
    { at: '2027-01-04 08:30', type: 'submitted', obligation: 'o-a-2026-12', submissionId: 's-a-12' },
    { at: '2027-01-05 10:00', type: 'accepted', obligation: 'o-a-2026-12', submissionId: 's-a-12' },
    { at: '2027-01-05 10:00', type: 'submitted', obligation: 'o-b-2026-12', submissionId: 's-b-12' },
    { at: '2027-01-06 10:00', type: 'accepted', obligation: 'o-b-2026-12', submissionId: 's-b-12' },
  ],
  until: '2027-01-29 18:00',
  expected: {
    steps: [
      ...reminders('o-a-2026-10', '2026-10-30 09:00', null, false),
      ...reminders('o-b-2026-10', '2026-10-30 09:00', '2026-11-03 09:00', false),
      { subject: 'o-b-2026-10', kind: 'yellow_warning', at: '2026-11-04 09:00', recipients: yellowRecipients },
      ...reminders('o-c-2026-10', '2026-10-30 09:00', '2026-11-03 09:00', false),
      ...reminders('o-a-2026-11', '2026-12-01 09:00', null, false),
      ...reminders('o-b-2026-11', '2026-12-01 09:00', null, false),
      ...reminders('o-c-2026-11', '2026-12-01 09:00', null, false),
      ...reminders('o-a-2026-12', '2026-12-30 09:00', '2026-12-31 09:00', true),
      ...reminders('o-b-2026-12', '2026-12-30 09:00', '2026-12-31 09:00', true),
      {
        subject: 'o-b-2026-12',
        kind: 'yellow_warning',
        at: '2027-01-04 09:00',
        recipients: yellowRecipients,
        supersedes: [],
        provisionalCalendar: true,
      },
    ],
    obligations: {
      'o-a-2026-10': { status: 'accepted', round: 0 },
      'o-b-2026-10': { status: 'accepted', round: 0 },
      'o-c-2026-10': { status: 'accepted', round: 0 },
      'o-a-2026-11': { status: 'accepted', round: 0 },
      'o-b-2026-11': { status: 'accepted', round: 0 },
      'o-c-2026-11': { status: 'waived', round: 0 },
      'o-a-2026-12': { status: 'accepted', round: 0 },
      'o-b-2026-12': { status: 'accepted', round: 0 },
      'o-c-2026-12': { status: 'accepted', round: 0 },
    },
  },
};
