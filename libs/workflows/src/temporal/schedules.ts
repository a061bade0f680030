import type { ScheduleOptions, ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { monthlyCycleWorkflow } from './monthly-cycle.workflow';
import { ESCALATION_TASK_QUEUE } from './workflow-ids';

export const MONTHLY_CYCLE_SCHEDULE_ID = 'monthly-cycle';

/**
 * The Temporal Schedule that opens each month's obligations: 01:00 Asia/Shanghai on the 1st, for the month that
 * begins. The schedule appends the fire time to the workflow id; the obligations' own ids keep a run that a
 * catch-up or a manual trigger repeats harmless. Create it at start-up, or update it when it exists.
 */
export function monthlyCycleSchedule(): ScheduleOptions<
  ScheduleOptionsStartWorkflowAction<typeof monthlyCycleWorkflow>
> {
  return {
    scheduleId: MONTHLY_CYCLE_SCHEDULE_ID,
    spec: {
      calendars: [{ dayOfMonth: 1, hour: 1, minute: 0, comment: '每月1日 01:00 开启本月报送' }],
      timezone: 'Asia/Shanghai',
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'monthlyCycleWorkflow',
      workflowId: 'cycle',
      taskQueue: ESCALATION_TASK_QUEUE,
      args: [{}],
    },
    // A server down on the 1st still opens the month when it returns, within the week.
    policies: { overlap: 'SKIP', catchupWindow: '7 days' },
  };
}
