import { DomainError } from '@app/core';
import { WorkflowEngine, type WorkflowCancel, type WorkflowSignal, type WorkflowStart } from '@app/workflows';

/**
 * The engine port as a recording fake, in place of a Temporal server: it accepts everything, in order, except a
 * signal for a workflow it was told has ended (the server's "not found").
 */
export class RecordingEngine extends WorkflowEngine {
  readonly kind = 'temporal' as const;
  /** `start <type> <id>`, `signal <name> <id>`, `cancel <id>`, as delivered. */
  readonly delivered: string[] = [];
  /** The ids of the workflows started. */
  readonly started: string[] = [];

  constructor(private readonly ended: readonly string[] = []) {
    super();
  }

  start(command: WorkflowStart): Promise<void> {
    this.delivered.push(`start ${command.workflowType} ${command.workflowId}`);
    this.started.push(command.workflowId);
    return Promise.resolve();
  }

  signal(command: WorkflowSignal): Promise<void> {
    if (this.ended.includes(command.workflowId)) {
      return Promise.reject(DomainError.notFound('工作流', command.workflowId));
    }
    this.delivered.push(`signal ${command.signalName} ${command.workflowId}`);
    return Promise.resolve();
  }

  cancel(command: WorkflowCancel): Promise<void> {
    this.delivered.push(`cancel ${command.workflowId}`);
    return Promise.resolve();
  }

  query<T>(): Promise<T> {
    return Promise.reject(new Error('not used'));
  }

  health() {
    return Promise.resolve({ status: 'up' as const, detail: 'fake' });
  }

  ensureSchedules(): Promise<void> {
    return Promise.resolve();
  }
}
