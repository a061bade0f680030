import type { WorkflowEngineKind } from '@app/config';

/** Start a workflow (idempotent: an execution with the same id is kept). */
export interface WorkflowStart {
  readonly workflowId: string;
  readonly workflowType: string;
  readonly args: readonly unknown[];
}

/** Signal a running workflow, after the database write it reports. */
export interface WorkflowSignal {
  readonly workflowId: string;
  readonly signalName: string;
  readonly args: readonly unknown[];
}

/** Cancel a running workflow (a task withdrawn): it stops where it is and ends with status `cancelled`. */
export interface WorkflowCancel {
  readonly workflowId: string;
}

export interface EngineHealth {
  readonly status: 'up' | 'down';
  readonly detail: string;
}

/**
 * The actor component of what the Temporal worker's activities write (`system:temporal`): a listener that turns
 * the database's changes into signals skips these, as the workflow took the step itself.
 */
export const TEMPORAL_WORKER_COMPONENT = 'temporal';

/** What users see when an action needs the Temporal server and it does not answer (HTTP 503). */
export const TEMPORAL_UNAVAILABLE_MESSAGE = '工作流服务（Temporal）暂时无法连接，请稍后重试；已保存的数据不受影响';

/**
 * The workflow engine as the API sees it. The database stays the source of truth in both modes: the embedded
 * engine follows it through durable timers, the Temporal engine receives starts and signals from the
 * `workflow_command` outbox after commit (starts, signals, cancellations).
 */
export abstract class WorkflowEngine {
  abstract readonly kind: WorkflowEngineKind;
  abstract start(command: WorkflowStart): Promise<void>;
  abstract signal(command: WorkflowSignal): Promise<void>;
  abstract cancel(command: WorkflowCancel): Promise<void>;
  abstract query<T>(workflowId: string, queryName: string): Promise<T>;
  abstract health(): Promise<EngineHealth>;
  /** Creates or updates the calendar-wide schedules (the monthly cycle); nothing to do for the embedded engine. */
  abstract ensureSchedules(): Promise<void>;
}
