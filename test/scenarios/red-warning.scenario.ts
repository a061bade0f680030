import type { Scenario } from './scenario';

export const redWarningScenario: Scenario = {
  name: 'red warning',
  description: '六月报告逾期：两次催报，逾期第 1 个工作日黄色预警，第 5 个工作日（7月10日）红色预警，随后补报。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-06',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-06',
      openedAt: '2026-06-01 01:00',
      dueAt: '2026-07-03 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [
    { at: '2026-07-13 11:00', type: 'submitted', obligation: 'o-2026-06', submissionId: 's-1' },
    { at: '2026-07-14 10:00', type: 'accepted', obligation: 'o-2026-06', submissionId: 's-1' },
  ],
  until: '2026-07-31 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-06', kind: 'reminder_before_due', at: '2026-07-01 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-06', kind: 'reminder_due', at: '2026-07-03 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-06',
        kind: 'yellow_warning',
        at: '2026-07-06 09:00',
        recipients: ['unit_liaison', 'unit_head', 'office_admin'],
      },
      { subject: 'o-2026-06', kind: 'red_warning', at: '2026-07-10 09:00', recipients: ['unit_head', 'office_admin'] },
    ],
    obligations: { 'o-2026-06': { status: 'accepted', round: 0 } },
  },
};
