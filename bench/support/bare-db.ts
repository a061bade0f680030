import Database from 'better-sqlite3';
import { createPool, Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';

/** Statements on one connection (a transaction's, or the pool's). */
export interface BareSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a write and returns the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

/**
 * The database driver the app uses (better-sqlite3 or mysql2), without TypeORM or Nest: the floor a benchmark
 * compares the app against. Opened on the same database file or schema as the app under test.
 */
export interface BareDb extends BareSession {
  readonly kind: 'sqlite' | 'mysql';
  transaction<T>(work: (tx: BareSession) => Promise<T>): Promise<T>;
  /** The settings that decide what a commit costs (fsync), to print beside the figures. */
  durability(): Promise<string>;
  close(): Promise<void>;
}

/** DATETIME(3) literal in UTC, the form both drivers store for the app's timestamp columns. */
export function sqlTime(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT or an IN list. */
export function placeholders(rows: number, columns: number): string {
  const row = columns === 1 ? '?' : `(${new Array<string>(columns).fill('?').join(', ')})`;
  return new Array<string>(rows).fill(row).join(', ');
}

export function openBareDb(url: string, poolSize = 1): BareDb {
  return url.startsWith('sqlite:') ? openSqlite(url.slice('sqlite:'.length)) : openMysql(url, poolSize);
}

function openSqlite(file: string): BareDb {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const session: BareSession = {
    query: <T>(sql: string, params: unknown[] = []) => Promise.resolve(prepare(sql).all(...params) as T[]),
    run: (sql, params = []) => Promise.resolve(prepare(sql).run(...params).changes),
  };
  return {
    kind: 'sqlite',
    ...session,
    transaction: async (work) => {
      db.exec('BEGIN');
      try {
        const result = await work(session);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    durability: () =>
      Promise.resolve(
        `journal_mode=${String(db.pragma('journal_mode', { simple: true }))}, ` +
          `synchronous=${String(db.pragma('synchronous', { simple: true }))} (0 off, 1 normal, 2 full)`,
      ),
    close: () => Promise.resolve(void db.close()),
  };
}

function openMysql(url: string, poolSize: number): BareDb {
  const parsed = new URL(url);
  const pool: Pool = createPool({
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.slice(1),
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    connectionLimit: poolSize,
  });
  const sessionOf = (conn: Pool | PoolConnection): BareSession => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as T[],
    run: async (sql, params = []) => ((await conn.query(sql, params))[0] as ResultSetHeader).affectedRows,
  });
  return {
    kind: 'mysql',
    ...sessionOf(pool),
    transaction: async (work) => {
      const conn = await pool.getConnection();
      try {
        await conn.query('START TRANSACTION');
        const result = await work(sessionOf(conn));
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK');
        throw error;
      } finally {
        conn.release();
      }
    },
    durability: async () => {
      const [rows] = await pool.query(
        'SELECT VERSION() AS v, @@innodb_flush_log_at_trx_commit AS f, @@sync_binlog AS s, @@log_bin AS b',
      );
      const row = (rows as Array<{ v: string; f: number; s: number; b: number }>)[0];
      return `${row.v}, innodb_flush_log_at_trx_commit=${row.f}, log_bin=${row.b}, sync_binlog=${row.s}`;
    },
    close: () => pool.end(),
  };
}
