import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * Reads a row to change it: `SELECT … FOR UPDATE` on MySQL, so two people acting on one case at once are
 * serialised and the second sees the first one's status; SQLite has one writer and needs no lock.
 */
export function findForUpdate<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T | null> {
  const mysql = em.connection.options.type === 'mysql';
  return em.findOne(entity, { where, ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
}

export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
