import {
  ApplicationFailure,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { localDateOf } from '../policy/shanghai-time';
import type { EscalationActivities, OpenedObligation } from './activities';
import { reportingObligationWorkflow } from './reporting-obligation.workflow';
import { obligationWorkflowId } from './workflow-ids';
import { DATABASE_ACTIVITY } from './workflow-support';

/**
 * The monthly cycle, started by a Temporal Schedule on the 1st of each month: opens the obligations of the periods
 * that begin (the month, and a quarter on its first month; the reporting lib decides), a page at a time, and starts
 * one obligation workflow per obligation, as the embedded engine's period cycle does. Each page is one run; the
 * next page continues as new, so the cycle's history stays small for a province of ten thousand obligations.
 * Obligation workflows are abandoned children: they outlive the cycle. Their ids (`obligation:{id}`) with
 * `REJECT_DUPLICATE` make a re-run cycle harmless: an obligation that is running, or already closed, is not
 * started again.
 */

export interface MonthlyCycleInput {
  /** `YYYY-MM`; defaults to the month of the cycle's start (Asia/Shanghai). */
  readonly period?: string;
  readonly cursor?: string | null;
  readonly pageSize?: number;
  /** Totals carried across continue-as-new. */
  readonly opened?: number;
  readonly alreadyStarted?: number;
  readonly runs?: number;
}

export interface MonthlyCycleResult {
  readonly period: string;
  /** Obligation workflows this cycle started. */
  readonly opened: number;
  /** Obligations whose workflow existed already (a re-run cycle, a manual start). */
  readonly alreadyStarted: number;
  readonly runs: number;
}

export const DEFAULT_CYCLE_PAGE_SIZE = 200;
const MAX_CYCLE_PAGE_SIZE = 1_000;

const activities = proxyActivities<EscalationActivities>(DATABASE_ACTIVITY);

export async function monthlyCycleWorkflow(input: MonthlyCycleInput = {}): Promise<MonthlyCycleResult> {
  const period = input.period ?? localDateOf(Date.now()).slice(0, 7);
  const pageSize = input.pageSize ?? DEFAULT_CYCLE_PAGE_SIZE;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period) || !Number.isInteger(pageSize) || pageSize < 1) {
    throw ApplicationFailure.nonRetryable(`invalid cycle input: period ${period}, page size ${pageSize}`, 'VALIDATION');
  }
  const page = await activities.openPeriodObligations({
    period,
    cursor: input.cursor ?? null,
    limit: Math.min(pageSize, MAX_CYCLE_PAGE_SIZE),
  });
  const started = await Promise.all(page.obligations.map(startObligation));
  const opened = (input.opened ?? 0) + started.filter(Boolean).length;
  const alreadyStarted = (input.alreadyStarted ?? 0) + started.filter((fresh) => !fresh).length;
  const runs = (input.runs ?? 0) + 1;
  if (page.nextCursor !== null) {
    return continueAsNew<typeof monthlyCycleWorkflow>({
      period,
      cursor: page.nextCursor,
      pageSize,
      opened,
      alreadyStarted,
      runs,
    });
  }
  return { period, opened, alreadyStarted, runs };
}

/** `true` when this call started the workflow, `false` when it existed already. */
async function startObligation(obligation: OpenedObligation): Promise<boolean> {
  try {
    await startChild(reportingObligationWorkflow, {
      workflowId: obligationWorkflowId(obligation.id),
      args: [
        {
          obligation: {
            id: obligation.id,
            unitId: obligation.unitId,
            taskId: obligation.taskId,
            period: obligation.period,
            dueAt: obligation.dueAt,
            openedAt: obligation.openedAt,
          },
          previousPeriodOverdue: obligation.previousPeriodOverdue,
          ...(obligation.ladder ? { ladder: obligation.ladder } : {}),
        },
      ],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError') {
      return false;
    }
    throw error;
  }
}
