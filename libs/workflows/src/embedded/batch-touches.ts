import { EntityManager, QueryRunner } from 'typeorm';

/**
 * The timers that the steps of running batches schedule or cancel, per batch transaction. A timer a step moved
 * keeps what that step gave it: the batch neither runs its own step for it nor moves it afterwards. A failed
 * step's changes are rolled back with its savepoint, so its touches are forgotten too.
 */
export class BatchTouches {
  private readonly batches = new Map<QueryRunner, { committed: Set<string>; step: Set<string> }>();

  /** Starts following the batch running in `em`'s transaction; call the returned function when it ends. */
  open(em: EntityManager): () => void {
    const runner = runnerOf(em);
    this.batches.set(runner, { committed: new Set(), step: new Set() });
    return () => this.batches.delete(runner);
  }

  /** Called by `schedule` and `cancel`: notes the timer if `em` is a running batch's transaction. */
  note(em: EntityManager, subjectType: string, subjectId: string): void {
    const batch = em.queryRunner && this.batches.get(em.queryRunner);
    batch?.step.add(keyOf(subjectType, subjectId));
  }

  has(em: EntityManager, subjectType: string, subjectId: string): boolean {
    return this.batchOf(em).committed.has(keyOf(subjectType, subjectId));
  }

  /** The step ran: what it touched stays touched. */
  keepStep(em: EntityManager): void {
    const batch = this.batchOf(em);
    batch.step.forEach((key) => batch.committed.add(key));
    batch.step.clear();
  }

  /** The step was rolled back to its savepoint: so were its schedules and cancels. */
  forgetStep(em: EntityManager): void {
    this.batchOf(em).step.clear();
  }

  private batchOf(em: EntityManager) {
    const batch = this.batches.get(runnerOf(em));
    if (!batch) {
      throw new Error('no timer batch runs in this transaction');
    }
    return batch;
  }
}

function runnerOf(em: EntityManager): QueryRunner {
  if (!em.queryRunner) {
    throw new Error('a timer batch runs in a transaction');
  }
  return em.queryRunner;
}

const keyOf = (subjectType: string, subjectId: string) => `${subjectType}\u0000${subjectId}`;
