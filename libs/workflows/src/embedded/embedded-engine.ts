import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, UnitOfWork } from '@app/core';
import { DurableTimer } from './durable-timer.entity';

/**
 * The work behind one kind of subject. Runs inside the transaction that also moves the timer, so a step and its
 * records (warnings, notices, outbox mails) commit together or not at all — a process killed mid-step leaves the
 * timer due and the step is run again, once, on recovery.
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

/** How long a poller owns claimed rows; a crashed poller's rows are due again after it. */
const CLAIM_LEASE_MS = 5 * 60_000;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 60 * 60_000;

/**
 * The embedded workflow engine: durable timers in the database and a sweep that claims due rows
 * (`FOR UPDATE SKIP LOCKED` on MySQL, so several API instances share the work; SQLite has one writer).
 */
@Injectable()
export class EmbeddedEngine {
  private readonly logger = new Logger(EmbeddedEngine.name);
  private readonly handlers = new Map<string, TimerHandler>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  register(subjectType: string, handler: TimerHandler): void {
    this.handlers.set(subjectType, handler);
  }

  /** Sets (or moves) the subject's next run, in the caller's transaction. */
  async schedule(manager: EntityManager, subjectType: string, subjectId: string | number, dueAt: Date): Promise<void> {
    const now = this.clock.now();
    const key = { subjectType, subjectId: String(subjectId) };
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
    await manager.update(
      DurableTimer,
      { subjectType, subjectId: String(subjectId), status: 'pending' },
      { status: 'cancelled', updatedAt: this.clock.now() },
    );
  }

  /** Runs every timer due at the clock's now, up to `limit`. */
  async sweep(limit = 200): Promise<SweepResult> {
    const now = this.clock.now();
    const ids = await this.claim(now, limit);
    let ran = 0;
    let failed = 0;
    for (const id of ids) {
      if (await this.runOne(id, now)) {
        ran++;
      } else {
        failed++;
      }
    }
    return { claimed: ids.length, ran, failed };
  }

  /** Sweeps until nothing is due (bounded), e.g. after the dev clock jumps a month ahead. */
  async drain(maxRounds = 50): Promise<SweepResult> {
    const total: SweepResult = { claimed: 0, ran: 0, failed: 0 };
    for (let round = 0; round < maxRounds; round++) {
      const result = await this.sweep();
      total.claimed += result.claimed;
      total.ran += result.ran;
      total.failed += result.failed;
      if (result.claimed === 0 || result.ran === 0) {
        break;
      }
    }
    return total;
  }

  pendingCount(): Promise<number> {
    return this.dataSource.getRepository(DurableTimer).countBy({ status: 'pending' });
  }

  private async claim(now: Date, limit: number): Promise<number[]> {
    return this.unitOfWork.run(async (em) => {
      const query = em
        .getRepository(DurableTimer)
        .createQueryBuilder('t')
        .select(['t.id'])
        .where("t.status = 'pending'")
        .andWhere('t.due_at <= :now', { now })
        .andWhere('(t.claimed_until IS NULL OR t.claimed_until < :now)', { now })
        .orderBy('t.due_at', 'ASC')
        .take(limit);
      if (this.unitOfWork.isMysql) {
        query.setLock('pessimistic_write').setOnLocked('skip_locked');
      }
      const rows = await query.getMany();
      const ids = rows.map((row) => row.id);
      if (ids.length > 0) {
        await em
          .createQueryBuilder()
          .update(DurableTimer)
          .set({ claimedUntil: new Date(now.getTime() + CLAIM_LEASE_MS) })
          .whereInIds(ids)
          .execute();
      }
      return ids;
    });
  }

  private async runOne(id: number, now: Date): Promise<boolean> {
    try {
      await this.unitOfWork.run(async (em) => {
        const query = em.getRepository(DurableTimer).createQueryBuilder('t').where('t.id = :id', { id });
        if (this.unitOfWork.isMysql) {
          query.setLock('pessimistic_write');
        }
        const timer = await query.getOne();
        // Rescheduled, cancelled or finished since the claim: nothing is due any more.
        if (!timer || timer.status !== 'pending' || timer.dueAt > now) {
          await em.update(DurableTimer, { id }, { claimedUntil: null });
          return;
        }
        const handler = this.handlers.get(timer.subjectType);
        if (!handler) {
          throw new Error(`no handler registered for timers of "${timer.subjectType}"`);
        }
        const next = await handler.run(em, timer.subjectId, now);
        const moved = await em.findOneBy(DurableTimer, { id });
        if (moved && moved.status === 'pending' && moved.dueAt.getTime() !== timer.dueAt.getTime()) {
          // The handler rescheduled its own timer (e.g. through `schedule`): keep that.
          await em.update(DurableTimer, { id }, { claimedUntil: null });
          return;
        }
        await em.update(
          DurableTimer,
          { id },
          next
            ? { dueAt: next, attempts: 0, claimedUntil: null, lastError: null, updatedAt: now }
            : { status: 'done', claimedUntil: null, updatedAt: now },
        );
      });
      return true;
    } catch (error) {
      await this.recordFailure(id, now, error);
      return false;
    }
  }

  private async recordFailure(id: number, now: Date, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error({ msg: 'timer failed', timerId: id, error: message });
    await this.unitOfWork.run(async (em) => {
      const timer = await em.findOneBy(DurableTimer, { id });
      if (!timer) {
        return;
      }
      const backoff = Math.min(RETRY_BASE_MS * 2 ** timer.attempts, RETRY_MAX_MS);
      await em.update(
        DurableTimer,
        { id },
        {
          attempts: timer.attempts + 1,
          lastError: message.slice(0, 2000),
          claimedUntil: new Date(now.getTime() + backoff),
          updatedAt: now,
        },
      );
    });
  }
}
