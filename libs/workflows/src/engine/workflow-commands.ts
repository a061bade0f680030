import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainError } from '@app/core';
import { WorkflowCommandRecord } from './workflow-command.entity';
import { WorkflowCancel, WorkflowEngine, WorkflowSignal, WorkflowStart } from './workflow-engine';

export type WorkflowCommand =
  ({ kind: 'start' } & WorkflowStart) | ({ kind: 'signal' } & WorkflowSignal) | ({ kind: 'cancel' } & WorkflowCancel);

/** A command the server keeps refusing (not an outage) is given up after this many attempts, with its error. */
const MAX_ATTEMPTS = 10;
const BATCH = 100;

/** Records starts, signals and cancellations in the caller's transaction (the outbox). */
@Injectable()
export class WorkflowCommands {
  constructor(private readonly clock: Clock) {}

  async record(em: EntityManager, command: WorkflowCommand): Promise<void> {
    await em.insert(WorkflowCommandRecord, {
      kind: command.kind,
      workflowId: command.workflowId,
      name: nameOf(command),
      payload: JSON.stringify(command.kind === 'cancel' ? [] : command.args),
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: this.clock.now(),
      deliveredAt: null,
    });
  }
}

export interface RelayResult {
  delivered: number;
  /** Signals and cancellations for workflows that no longer exist: nothing to deliver. */
  ignored: number;
  failed: number;
  /** The server did not answer: the rest stays pending for the next run. */
  unavailable: boolean;
}

/**
 * Delivers pending commands to the engine in order, after commit. While the server is down the batch stops at the
 * first command and everything stays pending; starts are idempotent (`USE_EXISTING`) and signal handlers are
 * idempotent on their ids, so a command delivered twice (a crash between delivery and marking) does no harm. A
 * signal or cancellation for a workflow that has ended (an obligation accepted meanwhile) is `ignored` at once,
 * as the workflow itself would ignore it: no retries, no error.
 */
@Injectable()
export class WorkflowCommandRelay {
  private readonly logger = new Logger(WorkflowCommandRelay.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly clock: Clock,
  ) {}

  async deliverPending(): Promise<RelayResult> {
    const result: RelayResult = { delivered: 0, ignored: 0, failed: 0, unavailable: false };
    const repository = this.dataSource.getRepository(WorkflowCommandRecord);
    const pending = await repository.find({ where: { status: 'pending' }, order: { id: 'ASC' }, take: BATCH });
    for (const row of pending) {
      try {
        await this.deliver(row);
        await repository.update(
          { id: row.id },
          { status: 'delivered', deliveredAt: this.clock.now(), lastError: null },
        );
        result.delivered++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const outage = error instanceof DomainError && error.code === 'UNAVAILABLE';
        const attempts = row.attempts + 1;
        if (row.kind !== 'start' && error instanceof DomainError && error.code === 'NOT_FOUND') {
          await repository.update({ id: row.id }, { attempts, lastError: message.slice(0, 2000), status: 'ignored' });
          result.ignored++;
          this.logger.log(`workflow command ${row.id} (${row.kind} ${row.name} ${row.workflowId}) ignored: ${message}`);
          continue;
        }
        const status = !outage && attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
        await repository.update({ id: row.id }, { attempts, lastError: message.slice(0, 2000), status });
        if (outage) {
          result.unavailable = true;
          break;
        }
        if (status === 'failed') {
          result.failed++;
          this.logger.error(`workflow command ${row.id} (${row.kind} ${row.workflowId}) given up: ${message}`);
        }
      }
    }
    return result;
  }

  private deliver(row: WorkflowCommandRecord): Promise<void> {
    const args = JSON.parse(row.payload) as unknown[];
    switch (row.kind) {
      case 'start':
        return this.engine.start({ workflowId: row.workflowId, workflowType: row.name, args });
      case 'signal':
        return this.engine.signal({ workflowId: row.workflowId, signalName: row.name, args });
      case 'cancel':
        return this.engine.cancel({ workflowId: row.workflowId });
    }
  }
}

function nameOf(command: WorkflowCommand): string {
  switch (command.kind) {
    case 'start':
      return command.workflowType;
    case 'signal':
      return command.signalName;
    case 'cancel':
      return 'cancel';
  }
}

/**
 * Runs the relay every few seconds in the API (background jobs), one pass at a time, and creates or updates the
 * engine's schedules at start-up (a server down then is retried at the next start; the cycle's catch-up window
 * covers the gap).
 */
@Injectable()
export class WorkflowCommandPoller implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkflowCommandPoller.name);
  private running = false;

  constructor(
    private readonly relay: WorkflowCommandRelay,
    private readonly engine: WorkflowEngine,
  ) {}

  onApplicationBootstrap(): void {
    this.engine.ensureSchedules().catch((error: unknown) => {
      this.logger.warn(`schedules not created or updated: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  @Interval('workflow-commands', 5_000)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      await this.relay.deliverPending();
    } finally {
      this.running = false;
    }
  }
}
