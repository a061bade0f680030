import type { Scenario } from './scenario';

export const deadlineChangedScenario: Scenario = {
  name: 'deadline changed',
  description:
    '十月报告原定 11月5日 截止，11月3日 已提前催报；11月4日 办公室延期至 11月12日：已发的催报不重发，当日催报和黄色预警按新截止日（11月12日、13日）发出，原定的 11月5日、6日 不再发。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-10',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-10',
      openedAt: '2026-10-01 01:00',
      dueAt: '2026-11-05 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [
    { at: '2026-11-04 10:00', type: 'deadlineChanged', obligation: 'o-2026-10', dueAt: '2026-11-12 23:59' },
    { at: '2026-11-16 10:00', type: 'submitted', obligation: 'o-2026-10', submissionId: 's-1' },
    { at: '2026-11-17 10:00', type: 'accepted', obligation: 'o-2026-10', submissionId: 's-1' },
  ],
  until: '2026-11-30 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-10', kind: 'reminder_before_due', at: '2026-11-03 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-10', kind: 'reminder_due', at: '2026-11-12 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-10',
        kind: 'yellow_warning',
        at: '2026-11-13 09:00',
        recipients: ['unit_liaison', 'unit_head', 'office_admin'],
      },
    ],
    obligations: { 'o-2026-10': { status: 'accepted', round: 0 } },
  },
};
