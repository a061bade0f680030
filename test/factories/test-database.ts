import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface TestDatabase {
  url: string;
  label: string;
  drop(): Promise<void>;
}

let counter = 0;

/**
 * A fresh, empty database for one test file: a new MySQL/MariaDB database on the server named by
 * TEST_DATABASE_URL (or DATABASE_URL) when it is a mysql:// URL, otherwise a new SQLite file.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
  if (base.startsWith('mysql://') || base.startsWith('mariadb://')) {
    const url = new URL(base);
    const name = `e2e_${process.pid}_${Date.now().toString(36)}_${++counter}`;
    const admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      label: `mysql:${name}`,
      drop: async () => {
        const conn = await createConnection({
          host: url.hostname,
          port: Number(url.port || 3306),
          user: decodeURIComponent(url.username),
          password: decodeURIComponent(url.password),
        });
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await conn.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-sqlite-'));
  return {
    url: `sqlite:${path.join(dir, 'test.sqlite')}`,
    label: 'sqlite',
    drop: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
  };
}
