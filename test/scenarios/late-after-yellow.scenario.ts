import type { Scenario } from './scenario';

export const lateAfterYellowScenario: Scenario = {
  name: 'late submission after a yellow warning',
  description:
    '四月报告截止日 5月3日 在劳动节假期内：提前两个工作日（4月29日）催报，当日催报提前到节前最后一个工作日 4月30日，节后第一个工作日 5月6日 发黄色预警，次日补报。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-04',
      taskId: 't-soil-survey',
      unitId: 'u-agri',
      period: '2026-04',
      openedAt: '2026-04-01 01:00',
      dueAt: '2026-05-03 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [
    { at: '2026-05-07 14:00', type: 'submitted', obligation: 'o-2026-04', submissionId: 's-1' },
    { at: '2026-05-08 10:00', type: 'accepted', obligation: 'o-2026-04', submissionId: 's-1' },
  ],
  until: '2026-05-29 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-04', kind: 'reminder_before_due', at: '2026-04-29 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-04', kind: 'reminder_due', at: '2026-04-30 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-04',
        kind: 'yellow_warning',
        at: '2026-05-06 09:00',
        recipients: ['unit_liaison', 'unit_head', 'office_admin'],
        supersedes: [],
        provisionalCalendar: false,
      },
    ],
    obligations: { 'o-2026-04': { status: 'accepted', round: 0 } },
  },
};
