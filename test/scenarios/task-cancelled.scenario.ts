import type { Scenario } from './scenario';

export const taskCancelledScenario: Scenario = {
  name: 'task cancelled',
  description:
    '一月报告逾期，已发两次催报和黄色预警；2月6日 任务被取消：报送义务停止，不再发红色预警（原定 2月10日）。',
  calendar: { fromYear: 2026, toYear: 2027 },
  obligations: [
    {
      id: 'o-2026-01',
      taskId: 't-cancelled',
      unitId: 'u-agri',
      period: '2026-01',
      openedAt: '2026-01-01 01:00',
      dueAt: '2026-02-03 23:59',
      previousPeriodOverdue: false,
    },
  ],
  events: [{ at: '2026-02-06 10:00', type: 'taskCancelled', task: 't-cancelled' }],
  until: '2026-02-27 18:00',
  expected: {
    steps: [
      { subject: 'o-2026-01', kind: 'reminder_before_due', at: '2026-01-30 09:00', recipients: ['unit_liaison'] },
      { subject: 'o-2026-01', kind: 'reminder_due', at: '2026-02-03 09:00', recipients: ['unit_liaison'] },
      {
        subject: 'o-2026-01',
        kind: 'yellow_warning',
        at: '2026-02-04 09:00',
        recipients: ['unit_liaison', 'unit_head', 'office_admin'],
      },
    ],
    obligations: { 'o-2026-01': { status: 'cancelled', round: 0 } },
  },
};
