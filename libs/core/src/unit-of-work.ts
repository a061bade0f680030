import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a function in one database transaction.
 *
 * TypeORM's SQLite drivers share a single connection, so two concurrent `transaction()` calls would nest as
 * savepoints of one another; on SQLite we therefore queue transactions (SQLite has one writer anyway).
 * On MySQL each transaction gets its own pooled connection, and deadlocks are retried a few times.
 */
@Injectable()
export class UnitOfWork {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get isMysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isMysql) {
      const result = this.queue.then(() => this.dataSource.transaction(work));
      this.queue = result.catch(() => undefined);
      return result;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= 3 || !isDeadlock(error)) {
          throw error;
        }
      }
    }
  }
}

function isDeadlock(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}
