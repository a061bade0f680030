import type { EntityManager } from 'typeorm';

/**
 * Plain SQL with bound parameters for the submission's hot path: the same text every time, so better-sqlite3 reuses
 * its prepared statement and neither driver goes through TypeORM's query builder. Both drivers bind `?`.
 */

export { dbTime } from '@app/core';

/** Runs an INSERT and answers the new row's id (mysql2: `insertId`; better-sqlite3: `lastInsertRowid`). */
export async function insertReturningId(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result: unknown = await em.query(sql, params);
  if (typeof result === 'number' || typeof result === 'bigint') {
    return Number(result);
  }
  return Number((result as { insertId: number }).insertId);
}

/** Runs an UPDATE and answers how many rows it changed. */
export async function affectedRows(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result = (await em.queryRunner!.query(sql, params, true)) as { affected?: number };
  return result.affected ?? 0;
}

/** `(?, ?, …), (?, ?, …)` for a multi-row INSERT. */
export function valueRows(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}
