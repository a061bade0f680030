import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@app/core';
import type { AssessmentAppeal } from '../appeals/assessment-appeal.entity';
import type { AssessmentRun } from '../runs/assessment-run.entity';

/** A step of an assessment run, for the workflow engine to follow in the same transaction. */
export type AssessmentChange =
  | { kind: 'started' | 'released' | 'published'; run: AssessmentRun; actor: Actor }
  | { kind: 'appealFiled' | 'appealDecided'; run: AssessmentRun; appeal: AssessmentAppeal; actor: Actor };

export type AssessmentListener = (manager: EntityManager, change: AssessmentChange) => Promise<void>;

/**
 * Lets the engine follow assessment runs without this lib depending on it: listeners run inside the transaction of
 * the step, so an outbox command they write commits or rolls back with it. Nobody listens on the embedded engine.
 */
@Injectable()
export class AssessmentHooks {
  private readonly listeners: AssessmentListener[] = [];

  register(listener: AssessmentListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, change: AssessmentChange): Promise<void> {
    for (const listener of this.listeners) {
      await listener(manager, change);
    }
  }
}
