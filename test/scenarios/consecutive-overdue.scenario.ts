import type { Scenario } from './scenario';

export const consecutiveOverdueScenario: Scenario = {
  name: 'two consecutive overdue periods',
  description:
    '十月报告逾期（黄色、红色预警后补报）；十一月报告再次逾期：逾期第 1 个工作日（12月4日）直接挂牌督办（连续两期逾期），黄色、红色预警被取代。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-10',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-10',
      openedAt: '2026-10-01 01:00',
      dueAt: '2026-11-03 23:59',
      previousPeriodOverdue: false,
    },
    {
      id: 'o-2026-11',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-11',
      openedAt: '2026-11-01 01:00',
      dueAt: '2026-12-03 23:59',
      previousPeriodOverdue: true,
    },
  ],
  events: [
    { at: '2026-11-12 10:00', type: 'submitted', obligation: 'o-2026-10', submissionId: 's-10' },
    { at: '2026-11-13 10:00', type: 'accepted', obligation: 'o-2026-10', submissionId: 's-10' },
    { at: '2026-12-08 10:00', type: 'submitted', obligation: 'o-2026-11', submissionId: 's-11' },
    { at: '2026-12-09 10:00', type: 'accepted', obligation: 'o-2026-11', submissionId: 's-11' },
    { at: '2026-12-15 10:00', type: 'caseClosureRequested', case: 'case-1', requestId: 'r-1' },
    { at: '2026-12-16 15:00', type: 'caseVerified', case: 'case-1', approved: true },
  ],
  until: '2026-12-31 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-10', kind: 'reminder_before_due', at: '2026-10-30 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-10', kind: 'reminder_due', at: '2026-11-03 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-10',
        kind: 'yellow_warning',
        at: '2026-11-04 09:00',
        recipients: ['unit_liaison', 'unit_head', 'office_admin'],
      },
      { subject: 'o-2026-10', kind: 'red_warning', at: '2026-11-10 09:00', recipients: ['unit_head', 'office_admin'] },
      { subject: 'o-2026-11', kind: 'reminder_before_due', at: '2026-12-01 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-11', kind: 'reminder_due', at: '2026-12-03 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-11',
        kind: 'supervision_case',
        at: '2026-12-04 09:00',
        recipients: ['unit_head', 'office_admin', 'supervisor'],
        trigger: 'consecutive_overdue',
        rectificationDeadline: '2026-12-18 18:00',
        supersedes: ['yellow_warning', 'red_warning'],
        opens: 'case-1',
      },
    ],
    obligations: {
      'o-2026-10': { status: 'accepted', round: 0 },
      'o-2026-11': { status: 'accepted', round: 0 },
    },
    cases: { 'case-1': { obligation: 'o-2026-11', status: 'closed' } },
  },
};
