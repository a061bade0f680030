import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SupervisionCase } from './cases/supervision-case.entity';
import type { Interview } from './interviews/interview.entity';

/** What happened to a case or an interview, for the workflow engine to follow in the same transaction. */
export type SupervisionChange =
  | { kind: 'caseClosureRequested'; supervisionCase: SupervisionCase }
  | {
      /** The supervisor's verification: `approved` closes the case (销号), otherwise it goes back to rectifying. */
      kind: 'caseVerified';
      supervisionCase: SupervisionCase;
      approved: boolean;
      note: string | null;
    }
  /** A new interview, by the engine (with its step's `dedupKey`) or by hand; its first appointment is announced. */
  | { kind: 'interviewScheduled'; interview: Interview }
  /** The office moved it: `appointment` counts the appointments (2 after the first move). */
  | { kind: 'interviewRescheduled'; interview: Interview; appointment: number }
  | { kind: InterviewEnd; interview: Interview };

/** Minutes recorded (held), closed (办结), or cancelled before it took place. */
export type InterviewEnd = 'interviewHeld' | 'interviewClosed' | 'interviewCancelled';

export type SupervisionListener = (manager: EntityManager, change: SupervisionChange) => Promise<void>;

/**
 * Lets the engine follow cases and interviews without this lib depending on it: listeners run inside the
 * transaction of the change, so a timer or an outbox command they write commits or rolls back with it.
 */
@Injectable()
export class SupervisionHooks {
  private readonly listeners: SupervisionListener[] = [];

  register(listener: SupervisionListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, change: SupervisionChange): Promise<void> {
    for (const listener of this.listeners) {
      await listener(manager, change);
    }
  }
}
