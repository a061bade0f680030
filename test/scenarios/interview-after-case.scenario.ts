import type { Scenario } from './scenario';

export const interviewAfterCaseScenario: Scenario = {
  name: 'interview after the case is overdue',
  description:
    '八月报告逾期，9月17日挂牌督办。整改期跨中秋、国庆（9月20日周日调休上班），期限为 10月8日 18:00；到期未销号，10月9日 9:00 约谈主要负责人。办公室约定 10月15日 10:00 约谈，前一工作日提醒；约谈后督查核验销号。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-08',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-08',
      openedAt: '2026-08-01 01:00',
      dueAt: '2026-09-03 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [
    { at: '2026-09-24 10:00', type: 'submitted', obligation: 'o-2026-08', submissionId: 's-1' },
    { at: '2026-09-28 10:00', type: 'accepted', obligation: 'o-2026-08', submissionId: 's-1' },
    {
      at: '2026-10-09 14:00',
      type: 'interviewScheduled',
      interview: 'interview-1',
      startsAt: '2026-10-15 10:00',
      place: '市生态环境局三楼会议室',
    },
    { at: '2026-10-15 12:00', type: 'interviewHeld', interview: 'interview-1' },
    { at: '2026-10-20 10:00', type: 'caseClosureRequested', case: 'case-1', requestId: 'r-1' },
    { at: '2026-10-22 15:00', type: 'caseVerified', case: 'case-1', approved: true },
  ],
  until: '2026-10-30 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-08', kind: 'reminder_before_due', at: '2026-09-01 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-08', kind: 'reminder_due', at: '2026-09-03 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-08',
        kind: 'yellow_warning',
        at: '2026-09-04 09:00',
        recipients: ['unit_liaison', 'unit_head', 'office_admin'],
      },
      { subject: 'o-2026-08', kind: 'red_warning', at: '2026-09-10 09:00', recipients: ['unit_head', 'office_admin'] },
      {
        subject: 'o-2026-08',
        kind: 'supervision_case',
        at: '2026-09-17 09:00',
        recipients: ['unit_head', 'office_admin', 'supervisor'],
        trigger: 'overdue',
        rectificationDeadline: '2026-10-08 18:00',
        opens: 'case-1',
      },
      {
        subject: 'case-1',
        kind: 'interview',
        at: '2026-10-09 09:00',
        recipients: ['unit_principal_head', 'office_admin', 'supervisor'],
        opens: 'interview-1',
      },
      {
        subject: 'interview-1',
        kind: 'interview_invite',
        at: '2026-10-09 14:00',
        recipients: ['unit_principal_head', 'office_admin', 'supervisor'],
      },
      {
        subject: 'interview-1',
        kind: 'interview_reminder',
        at: '2026-10-14 09:00',
        recipients: ['unit_principal_head', 'office_admin', 'supervisor'],
      },
    ],
    obligations: { 'o-2026-08': { status: 'accepted', round: 0 } },
    cases: { 'case-1': { obligation: 'o-2026-08', status: 'closed' } },
    interviews: { 'interview-1': { case: 'case-1', status: 'held' } },
  },
};
