import { Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  Client,
  Connection,
  ScheduleAlreadyRunning,
  WorkflowNotFoundError,
  type ScheduleOptions,
} from '@temporalio/client';
import type { AppConfig } from '@app/config';
import { DomainError } from '@app/core';
import { monthlyCycleSchedule } from '../temporal/schedules';
import { ESCALATION_TASK_QUEUE } from '../temporal/workflow-ids';
import {
  EngineHealth,
  TEMPORAL_UNAVAILABLE_MESSAGE,
  WorkflowCancel,
  WorkflowEngine,
  WorkflowSignal,
  WorkflowStart,
} from './workflow-engine';

/** An unreachable server must not hold a request (or the health check) for long. */
const CONNECT_TIMEOUT_MS = 3_000;
const CALL_TIMEOUT_MS = 5_000;
/**
 * After a failed connection, calls fail at once with the same reason for this long instead of waiting for another
 * connect timeout each: health checks and requests stay fast while the server is down.
 */
const RECONNECT_AFTER_MS = 5_000;

/**
 * The Temporal engine over `@temporalio/client`. Connects lazily and again after a failure, so the API starts and
 * answers (with 503 for what needs Temporal) while the server is down.
 */
export class TemporalWorkflowEngine extends WorkflowEngine implements OnApplicationShutdown {
  readonly kind = 'temporal' as const;
  private readonly logger = new Logger(TemporalWorkflowEngine.name);
  private client: Promise<Client> | null = null;
  private lastConnectFailure: { at: number; error: Error } | null = null;

  constructor(private readonly config: Pick<AppConfig, 'temporal'>) {
    super();
  }

  async start(command: WorkflowStart): Promise<void> {
    await this.call(async (client) => {
      await client.workflow.start(command.workflowType, {
        workflowId: command.workflowId,
        taskQueue: ESCALATION_TASK_QUEUE,
        args: [...command.args],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    });
  }

  async signal(command: WorkflowSignal): Promise<void> {
    await this.call((client) =>
      client.workflow.getHandle(command.workflowId).signal(command.signalName, ...command.args),
    );
  }

  async cancel(command: WorkflowCancel): Promise<void> {
    await this.call((client) => client.workflow.getHandle(command.workflowId).cancel());
  }

  async query<T>(workflowId: string, queryName: string): Promise<T> {
    return this.call((client) => client.workflow.getHandle(workflowId).query<T>(queryName));
  }

  async health(): Promise<EngineHealth> {
    const where = `${this.config.temporal.address ?? '（未配置）'}，命名空间 ${this.config.temporal.namespace}`;
    try {
      // Straight to the server, not through `call`: the detail names the transport's own reason.
      const client = await this.connected();
      await client.connection.withDeadline(Date.now() + CALL_TIMEOUT_MS, () =>
        client.connection.workflowService.getSystemInfo({}),
      );
      return { status: 'up', detail: `temporal（${where}）` };
    } catch (error) {
      return { status: 'down', detail: `temporal（${where}）无法连接：${reasonOf(error)}` };
    }
  }

  /** Creates the monthly cycle's Schedule, or brings an existing one up to date. */
  async ensureSchedules(): Promise<void> {
    const options: ScheduleOptions = monthlyCycleSchedule();
    await this.call(async (client) => {
      try {
        await client.schedule.create(options);
        this.logger.log(`schedule ${options.scheduleId} created`);
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) {
          throw error;
        }
        await client.schedule.getHandle(options.scheduleId).update((previous) => ({
          ...previous,
          spec: options.spec,
          action: options.action,
          policies: options.policies,
        }));
        this.logger.log(`schedule ${options.scheduleId} updated`);
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const client = await this.client?.catch(() => null);
    await client?.connection.close();
    this.client = null;
  }

  /** Runs `work`; a server that cannot be reached becomes `UNAVAILABLE` (HTTP 503) and the next call reconnects. */
  private async call<T>(work: (client: Client) => Promise<T>): Promise<T> {
    let client: Client;
    try {
      client = await this.connected();
    } catch (error) {
      throw unavailable(error);
    }
    try {
      return await client.connection.withDeadline(Date.now() + CALL_TIMEOUT_MS, () => work(client));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw DomainError.notFound('工作流', error.workflowId ?? '');
      }
      if (error instanceof DomainError || isApplicationLevel(error)) {
        throw error;
      }
      throw unavailable(error);
    }
  }

  private connected(): Promise<Client> {
    const address = this.config.temporal.address;
    if (!address) {
      return Promise.reject(new Error('TEMPORAL_ADDRESS 未配置'));
    }
    const failure = this.lastConnectFailure;
    if (this.client === null && failure !== null && Date.now() - failure.at < RECONNECT_AFTER_MS) {
      return Promise.reject(failure.error);
    }
    this.client ??= Connection.connect({ address, connectTimeout: CONNECT_TIMEOUT_MS }).then(
      (connection) => new Client({ connection, namespace: this.config.temporal.namespace }),
    );
    const pending = this.client;
    pending.then(
      () => {
        this.lastConnectFailure = null;
      },
      (error: unknown) => {
        if (this.client === pending) {
          this.client = null;
          this.lastConnectFailure = {
            at: Date.now(),
            error: error instanceof Error ? error : new Error(String(error)),
          };
        }
      },
    );
    return pending;
  }
}

function unavailable(error: unknown): DomainError {
  return new DomainError('UNAVAILABLE', `${TEMPORAL_UNAVAILABLE_MESSAGE}（${reasonOf(error)}）`);
}

/** Errors the server answered with (a bad argument, a rejected update): not an outage. */
function isApplicationLevel(error: unknown): boolean {
  return (
    error instanceof Error &&
    ['WorkflowFailedError', 'QueryRejectedError', 'ScheduleNotFoundError'].includes(error.name)
  );
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
