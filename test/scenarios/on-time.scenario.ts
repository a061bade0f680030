import type { Scenario } from './scenario';

export const onTimeScenario: Scenario = {
  name: 'on time',
  description: '三月报告按时报送：提前两个工作日催报一次，报送后不再催报，审核通过。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-03',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-03',
      openedAt: '2026-03-01 01:00',
      dueAt: '2026-04-03 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [
    { at: '2026-04-02 15:00', type: 'submitted', obligation: 'o-2026-03', submissionId: 's-1' },
    // 4–6 April is Qingming (清明): the office reviews on Tuesday the 7th.
    { at: '2026-04-07 10:00', type: 'accepted', obligation: 'o-2026-03', submissionId: 's-1' },
  ],
  until: '2026-04-30 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-03', kind: 'reminder_before_due', at: '2026-04-01 09:00', recipients: ['unit_liaison'] },
    ],
    obligations: { 'o-2026-03': { status: 'accepted', round: 0 } },
  },
};
