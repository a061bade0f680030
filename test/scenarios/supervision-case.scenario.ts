import type { Scenario } from './scenario';

export const supervisionCaseScenario: Scenario = {
  name: 'supervision case',
  description:
    '七月报告逾期 10 个工作日：8月17日挂牌督办，整改期限 10 个工作日（8月31日 18:00）。补报不撤销督办；单位申请销号，督查核验后销号，不约谈。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-07',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-07',
      openedAt: '2026-07-01 01:00',
      dueAt: '2026-08-03 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [
    { at: '2026-08-20 10:00', type: 'submitted', obligation: 'o-2026-07', submissionId: 's-1' },
    { at: '2026-08-21 10:00', type: 'accepted', obligation: 'o-2026-07', submissionId: 's-1' },
    { at: '2026-08-25 10:00', type: 'caseClosureRequested', case: 'case-1', requestId: 'r-1' },
    { at: '2026-08-27 15:00', type: 'caseVerified', case: 'case-1', approved: true },
  ],
  until: '2026-09-30 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-07', kind: 'reminder_before_due', at: '2026-07-30 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-07', kind: 'reminder_due', at: '2026-08-03 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-07',
        kind: 'yellow_warning',
        at: '2026-08-04 09:00',
        recipients: ['unit_liaison', 'unit_head', 'office_admin'],
      },
      { subject: 'o-2026-07', kind: 'red_warning', at: '2026-08-10 09:00', recipients: ['unit_head', 'office_admin'] },
      {
        subject: 'o-2026-07',
        kind: 'supervision_case',
        at: '2026-08-17 09:00',
        recipients: ['unit_head', 'office_admin', 'supervisor'],
        trigger: 'overdue',
        rectificationDeadline: '2026-08-31 18:00',
        opens: 'case-1',
      },
    ],
    obligations: { 'o-2026-07': { status: 'accepted', round: 0 } },
    cases: { 'case-1': { obligation: 'o-2026-07', status: 'closed' } },
  },
};
