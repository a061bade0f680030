import { EntityManager } from 'typeorm';
import { localDateOf, yearOf } from '@app/workflows';
import { DocumentKind } from './document-counter.entity';

/** The year a document issued at `instant` is numbered in: the calendar year in Asia/Shanghai. */
export function documentYearOf(instant: Date): number {
  return yearOf(localDateOf(instant.getTime()));
}

/** `通报〔2026〕1号`. (督办 numbers use `supervisionCaseNumber` of `@app/notify`, which the notices print.) */
export function circularNumber(year: number, number: number): string {
  return `通报〔${year}〕${number}号`;
}

/**
 * Takes the next number of a document series inside the caller's transaction. The counter row is incremented by
 * an upsert, which on MySQL/MariaDB takes the row's exclusive lock (and, for the year's first number, the
 * exclusive lock on the new key rather than a shared one, so concurrent first numbers queue instead of
 * deadlocking); the number is then read back `FOR UPDATE`. The lock holds until the caller commits, so two
 * transactions never get the same number and a rolled-back transaction gives its number back. SQLite has a single
 * writer, which serialises the same statements.
 */
export async function nextDocumentNumber(
  em: EntityManager,
  kind: DocumentKind,
  governmentId: number,
  year: number,
): Promise<number> {
  const mysql = em.connection.options.type === 'mysql';
  const params = [governmentId, kind, year];
  await em.query(
    mysql
      ? 'INSERT INTO document_counter (government_id, kind, year, last_number) VALUES (?, ?, ?, 1) ' +
          'ON DUPLICATE KEY UPDATE last_number = last_number + 1'
      : 'INSERT INTO document_counter (government_id, kind, year, last_number) VALUES (?, ?, ?, 1) ' +
          'ON CONFLICT (government_id, kind, year) DO UPDATE SET last_number = last_number + 1',
    params,
  );
  const rows: Array<{ last_number: number | string }> = await em.query(
    `SELECT last_number FROM document_counter WHERE government_id = ? AND kind = ? AND year = ?${mysql ? ' FOR UPDATE' : ''}`,
    params,
  );
  return Number(rows[0].last_number);
}
