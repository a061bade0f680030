import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, UnitOfWork } from '@app/core';
import { BatchTouches } from './batch-touches';
import { DurableTimer } from './durable-timer.entity';
import { ClaimedTimer, TimerMove, TimerStatements } from './timer-statements';

/**
 * The work behind one kind of subject. Runs inside the transaction that also moves the timer, so a step and its
 * records (warnings, notices, outbox mails) commit together or not at all — a process killed mid-step leaves the
 * timer due and the step is run again, once, on recovery. The steps of a batch share that transaction (each in a
 * savepoint): a handler writes through `manager` only and never commits or rolls back itself.
 */
export interface TimerHandler {
  /** Does what is due for the subject at `now`; returns when to run next, or null when the subject is finished. */
  run(manager: EntityManager, subjectId: string, now: Date): Promise<Date | null>;
}

export interface SweepResult {
  claimed: number;
  ran: number;
  failed: number;
}

/** Timers claimed, run and moved per transaction. */
const SWEEP_BATCH = 200;
/**
 * A batch stops taking new steps after this long and commits: its transaction holds SQLite's one writer (and, on
 * MySQL, the locks its steps took) until then. The steps it did not reach stay due for the next batch.
 */
const BATCH_BUDGET_MS = 250;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 60 * 60_000;

type StepOutcome = { ran: true; next: Date | null } | { ran: false; error: string };

/**
 * The embedded workflow engine: durable timers in the database and a sweep that claims a batch of due rows and runs
 * their steps in ONE transaction — each step in its own savepoint, so a failing step is rolled back alone and retried
 * later with a backoff while its neighbours commit — then moves the batch's timers with one statement. Several API
 * instances share the work (`FOR UPDATE SKIP LOCKED` on MySQL; SQLite has one writer).
 */
@Injectable()
export class EmbeddedEngine {
  private readonly logger = new Logger(EmbeddedEngine.name);
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly statements: TimerStatements;
  private readonly touches = new BatchTouches();

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.statements = new TimerStatements(unitOfWork.isMysql);
  }

  register(subjectType: string, handler: TimerHandler): void {
    this.handlers.set(subjectType, handler);
  }

  /** Sets (or moves) the subject's next run, in the caller's transaction. */
  async schedule(manager: EntityManager, subjectType: string, subjectId: string | number, dueAt: Date): Promise<void> {
    const now = this.clock.now();
    const key = { subjectType, subjectId: String(subjectId) };
    this.touches.note(manager, key.subjectType, key.subjectId);
    const existing = await manager.findOneBy(DurableTimer, key);
    if (existing) {
      await manager.update(
        DurableTimer,
        { id: existing.id },
        { dueAt, status: 'pending', attempts: 0, claimedUntil: null, lastError: null, updatedAt: now },
      );
      return;
    }
    await manager.insert(DurableTimer, {
      ...key,
      dueAt,
      status: 'pending',
      attempts: 0,
      claimedUntil: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  async cancel(manager: EntityManager, subjectType: string, subjectId: string | number): Promise<void> {
    this.touches.note(manager, subjectType, String(subjectId));
    await manager.update(
      DurableTimer,
      { subjectType, subjectId: String(subjectId), status: 'pending' },
      { status: 'cancelled', updatedAt: this.clock.now() },
    );
  }

  /**
   * Runs one batch of the timers due at the clock's now, up to `limit`. If the batch's transaction cannot commit
   * (a deadlock, a lost connection, a step that broke the transaction), its steps are run again one per transaction.
   */
  async sweep(limit = SWEEP_BATCH): Promise<SweepResult> {
    const now = this.clock.now();
    let claimed: ClaimedTimer[] = [];
    try {
      return await this.transaction(async (em) => {
        claimed = await this.statements.claimDue(em, now, limit);
        return this.runBatch(em, claimed, now, performance.now() + BATCH_BUDGET_MS);
      });
    } catch (error) {
      if (claimed.length === 0) {
        throw error;
      }
      this.logger.warn({
        msg: 'timer batch rolled back; running its steps one by one',
        timers: claimed.length,
        error: messageOf(error),
      });
      return this.runEachAlone(claimed, now);
    }
  }

  /**
   * Sweeps until nothing is due, e.g. after the dev clock jumps a month ahead. Bounded by steps, not batches: a
   * batch shrinks when its steps are slow (`BATCH_BUDGET_MS`).
   */
  async drain(maxSteps = 50 * SWEEP_BATCH): Promise<SweepResult> {
    const total: SweepResult = { claimed: 0, ran: 0, failed: 0 };
    while (total.claimed < maxSteps) {
      const result = await this.sweep(Math.min(SWEEP_BATCH, maxSteps - total.claimed));
      total.claimed += result.claimed;
      total.ran += result.ran;
      total.failed += result.failed;
      // Failed steps back off and leave the due set, so a batch of failures does not stop the others.
      if (result.claimed === 0) {
        break;
      }
    }
    return total;
  }

  pendingCount(): Promise<number> {
    return this.dataSource.getRepository(DurableTimer).countBy({ status: 'pending' });
  }

  /**
   * MySQL: READ COMMITTED, so the claim's range scan locks only the rows it claims (no gap locks held for the whole
   * batch, which would stall anyone scheduling a timer near now). SQLite: the process's one writer, in turn.
   */
  private transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.unitOfWork.isMysql ? this.dataSource.transaction('READ COMMITTED', work) : this.unitOfWork.run(work);
  }

  /** Runs the claimed steps in `em`'s transaction until `deadline`, then moves their timers; the rest stay due. */
  private async runBatch(em: EntityManager, timers: ClaimedTimer[], now: Date, deadline: number): Promise<SweepResult> {
    const close = this.touches.open(em);
    try {
      const result: SweepResult = { claimed: 0, ran: 0, failed: 0 };
      const moves: TimerMove[] = [];
      const failures: Array<{ timer: ClaimedTimer; error: string }> = [];
      for (const timer of timers) {
        if (result.claimed > 0 && performance.now() > deadline) {
          break;
        }
        result.claimed++;
        // An earlier step of this batch rescheduled or cancelled this timer: that step's word stands.
        if (this.touches.has(em, timer.subjectType, timer.subjectId)) {
          continue;
        }
        const outcome = await this.runStep(em, timer, now);
        if (outcome.ran) {
          result.ran++;
          moves.push({ timer, next: outcome.next });
        } else {
          result.failed++;
          failures.push({ timer, error: outcome.error });
        }
      }
      const untouched = (timer: ClaimedTimer) => !this.touches.has(em, timer.subjectType, timer.subjectId);
      await this.statements.move(
        em,
        moves.filter((move) => untouched(move.timer)),
        now,
      );
      for (const { timer, error } of failures.filter((failure) => untouched(failure.timer))) {
        await this.statements.recordFailure(em, timer, now, retryAt(timer, now), error);
      }
      return result;
    } finally {
      close();
    }
  }

  /**
   * One step in a savepoint of the batch. A step that throws is rolled back alone and reported; if the rollback
   * itself fails, the transaction is gone (a MySQL deadlock rolls back all of it) and the whole batch is abandoned.
   */
  private async runStep(em: EntityManager, timer: ClaimedTimer, now: Date): Promise<StepOutcome> {
    await this.statements.openStep(em);
    try {
      const handler = this.handlers.get(timer.subjectType);
      if (!handler) {
        throw new Error(`no handler registered for timers of "${timer.subjectType}"`);
      }
      const next = await handler.run(em, timer.subjectId, now);
      await this.statements.keepStep(em);
      this.touches.keepStep(em);
      return { ran: true, next };
    } catch (error) {
      this.touches.forgetStep(em);
      if (abortsTransaction(error)) {
        throw error;
      }
      await this.statements.undoStep(em);
      const message = messageOf(error);
      this.logFailure(timer, message);
      return { ran: false, error: message };
    }
  }

  /** The fallback when a batch could not commit: each step in its own transaction, so one bad step stays alone. */
  private async runEachAlone(timers: ClaimedTimer[], now: Date): Promise<SweepResult> {
    const total: SweepResult = { claimed: 0, ran: 0, failed: 0 };
    for (const timer of timers) {
      let result: SweepResult;
      try {
        result = await this.transaction(async (em) =>
          this.runBatch(em, await this.statements.claimOne(em, timer.id, now), now, Infinity),
        );
      } catch (error) {
        // Even alone the step cannot commit: keep it due, after a backoff, so it does not hold up the others.
        const message = messageOf(error);
        this.logFailure(timer, message);
        await this.unitOfWork.run((em) => this.statements.recordFailure(em, timer, now, retryAt(timer, now), message));
        result = { claimed: 1, ran: 0, failed: 1 };
      }
      total.claimed += result.claimed;
      total.ran += result.ran;
      total.failed += result.failed;
    }
    return total;
  }

  private logFailure(timer: ClaimedTimer, error: string): void {
    this.logger.error({
      msg: 'timer failed',
      timerId: timer.id,
      subject: `${timer.subjectType}:${timer.subjectId}`,
      attempts: timer.attempts + 1,
      error,
    });
  }
}

function retryAt(timer: ClaimedTimer, now: Date): Date {
  return new Date(now.getTime() + Math.min(RETRY_BASE_MS * 2 ** timer.attempts, RETRY_MAX_MS));
}

/** MySQL rolls a deadlocked transaction back whole: no savepoint survives it. */
function abortsTransaction(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code;
  return code === 'ER_LOCK_DEADLOCK';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
