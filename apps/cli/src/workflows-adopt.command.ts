import { loadConfig } from '@app/config';
import { WorkflowAdoption, type AdoptionCount } from '@app/escalation';
import { WorkflowCommandRelay, type RelayResult } from '@app/workflows';
import { withAppContext } from './app-context';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './cli-io';

/** Delivery passes at most: a large installation's backlog is left to the API's relay after that. */
const MAX_PASSES = 1_000;

/**
 * `workflows adopt`: after switching an installation from the embedded engine to Temporal, starts the workflows of
 * the obligations, cases and interviews still open (`WorkflowAdoption`), then delivers the starts to the server.
 * Safe to run again. What the server does not take now stays in the outbox for the API's relay.
 */
export async function runWorkflowsAdopt(_args: string[], io: CliIo): Promise<number> {
  if (loadConfig().workflowEngine !== 'temporal') {
    io.stderr(
      '需先切换到 Temporal 引擎（WORKFLOW_ENGINE=temporal、TEMPORAL_ADDRESS）。' +
        'Set WORKFLOW_ENGINE=temporal and TEMPORAL_ADDRESS first: adoption hands the open records to Temporal.\n',
    );
    return EXIT_BAD_INPUT;
  }
  const { report, delivery } = await withAppContext(async (context) => {
    const adopted = await context.get(WorkflowAdoption).adopt();
    return { report: adopted, delivery: await deliverAll(context.get(WorkflowCommandRelay)) };
  });
  const line = (label: string, count: AdoptionCount) =>
    `  ${label}: ${count.recorded} started, ${count.alreadyRecorded} already recorded\n`;
  io.stdout(
    `已接管的工作流 Workflows adopted:\n${line('obligations 报送义务', report.obligations)}` +
      `${line('cases 督办事项', report.cases)}${line('interviews 约谈', report.interviews)}` +
      `  embedded ladder timers cancelled 已停用内置引擎定时器: ${report.timersCancelled}\n`,
  );
  io.stdout(
    delivery.unavailable
      ? `Temporal 暂时无法连接：已送达 ${delivery.delivered} 条，其余留在待发队列，由 API 送达。` +
          `Temporal unreachable: ${delivery.delivered} delivered, the rest stay pending for the API's relay.\n`
      : `已送达 Delivered: ${delivery.delivered}, ignored: ${delivery.ignored}, failed: ${delivery.failed}.\n`,
  );
  return EXIT_OK;
}

async function deliverAll(relay: WorkflowCommandRelay): Promise<RelayResult> {
  const total: RelayResult = { delivered: 0, ignored: 0, failed: 0, unavailable: false };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = await relay.deliverPending();
    total.delivered += result.delivered;
    total.ignored += result.ignored;
    total.failed += result.failed;
    if (result.unavailable) {
      return { ...total, unavailable: true };
    }
    if (result.delivered + result.ignored + result.failed === 0) {
      break;
    }
  }
  return total;
}
