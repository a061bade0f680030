import { DomainError } from '@app/core';
import { EngineHealth, WorkflowEngine } from './workflow-engine';

/**
 * The embedded engine is timer-driven: obligations schedule their timers through the reporting hooks in the
 * transaction that changes them, so starts, signals and cancellations have nothing left to do. It runs inside the API process.
 */
export class EmbeddedWorkflowEngine extends WorkflowEngine {
  readonly kind = 'embedded' as const;

  start(): Promise<void> {
    return Promise.resolve();
  }

  signal(): Promise<void> {
    return Promise.resolve();
  }

  cancel(): Promise<void> {
    return Promise.resolve();
  }

  query<T>(): Promise<T> {
    return Promise.reject(new DomainError('UNPROCESSABLE', '内置引擎没有工作流状态查询，请查看报送和督办记录'));
  }

  health(): Promise<EngineHealth> {
    return Promise.resolve({ status: 'up', detail: 'embedded（内置引擎，随 API 进程运行）' });
  }

  ensureSchedules(): Promise<void> {
    return Promise.resolve();
  }
}
