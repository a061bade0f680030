import type { Scenario } from './scenario';

/**
 * A plan with its own ladder (three working days' notice, no reminder on the due day, warnings after two and four
 * working days, a case after six with five days to rectify) and an office holiday the State Council's notice does not
 * have (Thursday 5 November 2026, entered by the office).
 */
export const planLadderScenario: Scenario = {
  name: "a plan's own ladder and an office holiday",
  description:
    '计划自定的预警规则：提前 3 个工作日催报、截止日不再催报，逾期 2 个工作日黄色预警、4 个红色预警、6 个挂牌督办，整改期限 5 个工作日；办公室把 11月5日（周四）设为放假。十月报告 11月3日 截止：10月29日 催报，11月6日 黄色、10日 红色、12日 督办（整改期限 11月19日 18:00），补报后核验销号。',
  calendar: {
    fromYear: 2026,
    toYear: 2027,
    corrections: [{ date: '2026-11-05', kind: 'holiday', note: '市政府统一安排放假' }],
  },
  ladder: {
    reminderWorkingDaysBeforeDue: 3,
    remindOnDueDate: false,
    yellowWarningAfterWorkingDays: 2,
    redWarningAfterWorkingDays: 4,
    supervisionAfterWorkingDays: 6,
    rectificationWorkingDays: 5,
  },
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
  ],
  events: [
    { at: '2026-11-13 10:00', type: 'submitted', obligation: 'o-2026-10', submissionId: 's-1' },
    { at: '2026-11-16 10:00', type: 'accepted', obligation: 'o-2026-10', submissionId: 's-1' },
    { at: '2026-11-17 10:00', type: 'caseClosureRequested', case: 'case-1', requestId: 'r-1' },
    { at: '2026-11-18 15:00', type: 'caseVerified', case: 'case-1', approved: true },
  ],
  until: '2026-11-30 18:00',
  expected: {
    steps: [
      // 3 working days before Tuesday 3 November: Mon 2, Fri 30 October, Thu 29 October.
      { subject: 'o-2026-10', kind: 'reminder_before_due', at: '2026-10-29 09:00', recipients: ['unit_liaison'] },
      // Overdue day 1 is Wednesday 4 November; the 5th is the office's holiday, so day 2 is Friday the 6th.
      {
        subject: 'o-2026-10',
        kind: 'yellow_warning',
        at: '2026-11-06 09:00',
        recipients: ['unit_liaison', 'unit_head', 'office_admin'],
        supersedes: [],
      },
      { subject: 'o-2026-10', kind: 'red_warning', at: '2026-11-10 09:00', recipients: ['unit_head', 'office_admin'] },
      {
        subject: 'o-2026-10',
        kind: 'supervision_case',
        at: '2026-11-12 09:00',
        recipients: ['unit_head', 'office_admin', 'supervisor'],
        trigger: 'overdue',
        // 5 working days from Thursday 12 November: 13, 16, 17, 18, 19.
        rectificationDeadline: '2026-11-19 18:00',
        opens: 'case-1',
      },
    ],
    obligations: { 'o-2026-10': { status: 'accepted', round: 0 } },
    cases: { 'case-1': { obligation: 'o-2026-10', status: 'closed' } },
  },
};
