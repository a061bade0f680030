import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { App } from 'supertest/types';
import { AppConfig, loadConfig } from '@app/config';
import { AdjustableClock, Clock } from '@app/core';
import { DemoSeeder } from '@app/org';
import { createApiApp } from '../../apps/api/src/create-app';
import { JsonLogger } from '../../apps/api/src/common/json-logger';
import { createTestDatabase, TestDatabase } from './test-database';

export const DEMO_PASSWORD = 'Demo2026pass';

export interface TestApp {
  app: NestExpressApplication;
  http: App;
  config: AppConfig;
  clock: AdjustableClock;
  database: TestDatabase;
  /** Signs in a demo user and returns a Bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real API on a fresh database (SQLite, or MariaDB when DATABASE_URL says so), with the demo organisation unless
 * `DEMO_DATA: '0'`.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    ALLOW_CLOCK_CONTROL: '1',
    LOG_LEVEL: 'error',
    BACKGROUND_JOBS: '0',
    ...env,
  });
  const app = await createApiApp(config, new JsonLogger('error', (line) => process.stderr.write(line)));
  await app.init();
  if (config.demoData) {
    await app.get(DemoSeeder).seedIfEmpty();
  }
  const http = app.getHttpServer() as App;
  const appClock = app.get(Clock);
  // With ALLOW_CLOCK_CONTROL=0 the app runs on the system clock; tests that move time must not ask for that.
  const clock = appClock instanceof AdjustableClock ? appClock : new AdjustableClock();
  return {
    app,
    http,
    config,
    clock,
    database,
    login: async (username, password = DEMO_PASSWORD) => {
      const response = await request(http).post('/api/auth/login').send({ username, password });
      if (response.status !== 200) {
        throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      }
      return (response.body as { token: string }).token;
    },
    close: async () => {
      await app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
