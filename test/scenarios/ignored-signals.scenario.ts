import type { Scenario } from './scenario';

export const ignoredSignalsScenario: Scenario = {
  name: 'signals that no longer apply are ignored',
  description:
    '二月报告：未报送先“审核通过”、截止日改到过去、同一报送重复提交——都不改变状态，也不会让流程卡住或失败；两次催报照常发出（提前催报在调休上班的 2月28日 周六），报送后审核通过。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-02',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-02',
      openedAt: '2026-02-01 01:00',
      dueAt: '2026-03-03 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [
    { at: '2026-03-02 10:00', type: 'accepted', obligation: 'o-2026-02', submissionId: 's-0' },
    { at: '2026-03-02 11:00', type: 'deadlineChanged', obligation: 'o-2026-02', dueAt: '2026-03-01 23:59' },
    { at: '2026-03-04 08:00', type: 'submitted', obligation: 'o-2026-02', submissionId: 's-1' },
    { at: '2026-03-04 08:30', type: 'submitted', obligation: 'o-2026-02', submissionId: 's-1' },
    { at: '2026-03-05 10:00', type: 'accepted', obligation: 'o-2026-02', submissionId: 's-1' },
  ],
  until: '2026-03-31 18:00',
  expected: {
    steps: [
      // Two working days before 3 March: Saturday 28 February is a make-up working day (调休上班) after Spring Festival.
      { subject: 'o-2026-02', kind: 'reminder_before_due', at: '2026-02-28 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-02', kind: 'reminder_due', at: '2026-03-03 09:00', recipients: ['unit_liaison'] },
    ],
    obligations: { 'o-2026-02': { status: 'accepted', round: 0 } },
  },
};
