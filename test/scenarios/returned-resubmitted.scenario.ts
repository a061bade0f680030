import type { Scenario } from './scenario';

export const returnedResubmittedScenario: Scenario = {
  name: 'returned, then resubmitted',
  description: '五月报告按时报送后被退回（新截止日 6月10日）：第 1 轮重新催报（去重键带 :r1），重新报送后审核通过。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-05',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-05',
      openedAt: '2026-05-01 01:00',
      dueAt: '2026-06-03 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [
    { at: '2026-06-02 10:00', type: 'submitted', obligation: 'o-2026-05', submissionId: 's-1' },
    {
      at: '2026-06-04 10:00',
      type: 'returned',
      obligation: 'o-2026-05',
      submissionId: 's-1',
      newDueAt: '2026-06-10 23:59',
    },
    { at: '2026-06-09 16:00', type: 'submitted', obligation: 'o-2026-05', submissionId: 's-2' },
    { at: '2026-06-11 10:00', type: 'accepted', obligation: 'o-2026-05', submissionId: 's-2' },
  ],
  until: '2026-06-30 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-05', kind: 'reminder_before_due', at: '2026-06-01 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-05',
        kind: 'reminder_before_due',
        at: '2026-06-08 09:00',
        recipients: ['unit_liaison'],
        round: 1,
      },
    ],
    obligations: { 'o-2026-05': { status: 'accepted', round: 1 } },
  },
};
