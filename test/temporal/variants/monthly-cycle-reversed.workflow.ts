import { continueAsNew, ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { EscalationActivities, MonthlyCycleInput, MonthlyCycleResult } from '@app/workflows';

/*
 * Used only by the determinism test: the monthly cycle with one deliberate change, the obligation workflows of a
 * page started in reverse order. Same workflow type, same commands, another order: replaying a history recorded
 * by the real cycle must fail with a DeterminismViolationError.
 */

const activities = proxyActivities<EscalationActivities>({ startToCloseTimeout: '30 seconds' });

export async function monthlyCycleWorkflow(input: MonthlyCycleInput = {}): Promise<MonthlyCycleResult> {
  const period = input.period ?? '2026-10';
  const pageSize = input.pageSize ?? 200;
  const page = await activities.openPeriodObligations({ period, cursor: input.cursor ?? null, limit: pageSize });
  await Promise.all(
    [...page.obligations].reverse().map((obligation) =>
      startChild('reportingObligationWorkflow', {
        workflowId: `obligation:${obligation.id}`,
        args: [{ obligation, previousPeriodOverdue: obligation.previousPeriodOverdue }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  const opened = (input.opened ?? 0) + page.obligations.length;
  if (page.nextCursor !== null) {
    return continueAsNew<typeof monthlyCycleWorkflow>({ period, cursor: page.nextCursor, pageSize, opened });
  }
  return { period, opened, alreadyStarted: 0, runs: (input.runs ?? 0) + 1 };
}
