import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ObligationStatus } from './obligations/obligation.entity';

/** What happened to obligations, for the workflow engine to (re)schedule its timers in the same transaction. */
export type ObligationEvent =
  | { kind: 'opened'; planId: number; periods: string[]; created: number }
  | {
      /** `deadlineChanged`: the office moved the due date; `cancelled`: the task was cancelled (撤销). */
      kind: 'submitted' | 'returned' | 'accepted' | 'waived' | 'deadlineChanged' | 'cancelled';
      obligationId: number;
      status: ObligationStatus;
      round: number;
      dueAt: Date;
    };

export type ObligationListener = (manager: EntityManager, event: ObligationEvent) => Promise<void>;

/**
 * Lets the engine follow obligations without the reporting lib depending on it: listeners run inside the
 * transaction of the change, so a timer they write commits or rolls back with it.
 */
@Injectable()
export class ReportingHooks {
  private readonly listeners: ObligationListener[] = [];

  register(listener: ObligationListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, event: ObligationEvent): Promise<void> {
    for (const listener of this.listeners) {
      await listener(manager, event);
    }
  }
}
