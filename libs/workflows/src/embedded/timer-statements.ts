import { EntityManager } from 'typeorm';
import { utcDate } from '@app/core';

/** A due timer locked by the running batch, as claimed. */
export interface ClaimedTimer {
  id: number;
  subjectType: string;
  subjectId: string;
  dueAt: Date;
  attempts: number;
}

/** Where a step that ran leaves its timer: due again at `next`, or finished (`null`). */
export interface TimerMove {
  timer: ClaimedTimer;
  next: Date | null;
}

const COLUMNS = 'id, subject_type, subject_id, due_at, attempts';
/** Pending, due, and not backing off after a failure (nor leased by a poller of an older version). */
const IS_DUE = "status = 'pending' AND due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)";

/**
 * The sweep's own statements, as plain SQL with bound parameters. TypeORM's SQLite driver writes numbers into the
 * SQL text (`WHERE id = 123`), so its statements differ per row, miss better-sqlite3's statement cache and are
 * prepared again each time; these are prepared once.
 */
export class TimerStatements {
  /** On MySQL/MariaDB a claimed row stays locked until the batch commits; other pollers skip it. */
  private readonly lock: string;

  constructor(private readonly mysql: boolean) {
    this.lock = mysql ? ' FOR UPDATE SKIP LOCKED' : '';
  }

  /** Marks where a step starts; MySQL replaces a savepoint of the same name, SQLite stacks them. */
  async openStep(em: EntityManager): Promise<void> {
    await em.query('SAVEPOINT timer_step');
  }

  /** The step stays. On MySQL the next step's savepoint replaces this one: a round trip saved per step. */
  async keepStep(em: EntityManager): Promise<void> {
    if (!this.mysql) {
      await em.query('RELEASE SAVEPOINT timer_step');
    }
  }

  /** Undoes the step alone; throws if the transaction itself is gone. */
  async undoStep(em: EntityManager): Promise<void> {
    await em.query('ROLLBACK TO SAVEPOINT timer_step');
    await this.keepStep(em);
  }

  /** The earliest due timers, up to `limit`. */
  async claimDue(em: EntityManager, now: Date, limit: number): Promise<ClaimedTimer[]> {
    const at = sqlTimestamp(now);
    const rows = await em.query<TimerRow[]>(
      `SELECT ${COLUMNS} FROM workflow_timer WHERE ${IS_DUE} ORDER BY due_at ASC LIMIT ?${this.lock}`,
      [at, at, limit],
    );
    return rows.map(claimedOf);
  }

  /** One timer, if it is still due and no other poller holds it. */
  async claimOne(em: EntityManager, id: number, now: Date): Promise<ClaimedTimer[]> {
    const at = sqlTimestamp(now);
    const rows = await em.query<TimerRow[]>(
      `SELECT ${COLUMNS} FROM workflow_timer WHERE id = ? AND ${IS_DUE}${this.lock}`,
      [id, at, at],
    );
    return rows.map(claimedOf);
  }

  /** Moves every timer whose step ran, in one statement: due again at its next time, or done. */
  async move(em: EntityManager, moves: readonly TimerMove[], now: Date): Promise<void> {
    if (moves.length === 0) {
      return;
    }
    const cases = moves.map(() => 'WHEN ? THEN ?').join(' ');
    await em.query(
      `UPDATE workflow_timer SET due_at = CASE id ${cases} END, status = CASE id ${cases} END, attempts = 0, ` +
        `claimed_until = NULL, last_error = NULL, updated_at = ? WHERE id IN (${moves.map(() => '?').join(', ')})`,
      [
        ...moves.flatMap(({ timer, next }) => [timer.id, sqlTimestamp(next ?? timer.dueAt)]),
        ...moves.flatMap(({ timer, next }) => [timer.id, next ? 'pending' : 'done']),
        sqlTimestamp(now),
        ...moves.map(({ timer }) => timer.id),
      ],
    );
  }

  /**
   * Keeps a failed step's timer due but not before `retryAt`, and records why. Only if the timer is still where it
   * was claimed: a timer rescheduled meanwhile keeps its new time.
   */
  async recordFailure(em: EntityManager, timer: ClaimedTimer, now: Date, retryAt: Date, error: string): Promise<void> {
    await em.query(
      'UPDATE workflow_timer SET attempts = ?, last_error = ?, claimed_until = ?, updated_at = ? ' +
        "WHERE id = ? AND status = 'pending' AND due_at = ?",
      [
        timer.attempts + 1,
        error.slice(0, 2000),
        sqlTimestamp(retryAt),
        sqlTimestamp(now),
        timer.id,
        sqlTimestamp(timer.dueAt),
      ],
    );
  }
}

interface TimerRow {
  id: number | string;
  subject_type: string;
  subject_id: string;
  due_at: Date | string;
  attempts: number | string;
}

function claimedOf(row: TimerRow): ClaimedTimer {
  return {
    id: Number(row.id),
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    dueAt: utcDate.from(row.due_at) as Date,
    attempts: Number(row.attempts),
  };
}

/** A DATETIME(3) in UTC as both drivers store it (`YYYY-MM-DD HH:MM:SS.mmm`), as TypeORM writes the entity's columns. */
function sqlTimestamp(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}
