import type { Type } from '@nestjs/common';
import { AuditSealPoller } from '@app/audit';
import type { AppConfig } from '@app/config';
import { PeriodCyclePoller } from '@app/escalation';
import { OutboxPoller } from '@app/notify';
import { EmbeddedPoller, WorkflowCommandPoller } from '@app/workflows';

/**
 * The pollers an API instance runs (`BACKGROUND_JOBS=1`). In both modes: the email outbox, the audit seal, and the
 * embedded engine's timers — on Temporal only the circulars' (and other non-ladder timers') are registered, the
 * ladder's obligations, cases and interviews being workflows. Only on the embedded engine: the period cycle, which
 * opens each month; in Temporal mode the Schedule's `monthlyCycleWorkflow` does (and plans the circular). Only in
 * Temporal mode: the relay of the workflow command outbox. See libs/workflows/README.md (which job runs where).
 */
export function backgroundJobs(config: Pick<AppConfig, 'backgroundJobs' | 'workflowEngine'>): Type[] {
  if (!config.backgroundJobs) {
    return [];
  }
  const both = [EmbeddedPoller, OutboxPoller, AuditSealPoller];
  return config.workflowEngine === 'temporal' ? [...both, WorkflowCommandPoller] : [...both, PeriodCyclePoller];
}
