import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

/** Plain SQL against a test database from outside the app (the app may be another process, or dead). */
export interface RawSql {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export async function openRawSql(databaseUrl: string): Promise<RawSql> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return {
      query: <T>(sql: string) => Promise.resolve(db.prepare(sql).all() as T[]),
      close: () => Promise.resolve(void db.close()),
    };
  }
  const connection = await createConnection(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  return {
    query: async <T>(sql: string) => (await connection.query(sql))[0] as T[],
    close: () => connection.end(),
  };
}
