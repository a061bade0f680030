import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { ASSESSMENT_ENTITIES } from '@app/assessment';
import { AUDIT_ENTITIES } from '@app/audit';
import { ESCALATION_ENTITIES } from '@app/escalation';
import { EXPORTS_ENTITIES } from '@app/exports';
import { NOTIFY_ENTITIES } from '@app/notify';
import { ORG_ENTITIES } from '@app/org';
import { PLANS_ENTITIES } from '@app/plans';
import { REPORTING_ENTITIES } from '@app/reporting';
import { SUPERVISION_ENTITIES } from '@app/supervision';
import { WORKFLOW_ENTITIES } from '@app/workflows';
import type { AppConfig } from '../env.schema';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  ...ORG_ENTITIES,
  ...AUDIT_ENTITIES,
  ...NOTIFY_ENTITIES,
  ...PLANS_ENTITIES,
  ...REPORTING_ENTITIES,
  ...SUPERVISION_ENTITIES,
  ...WORKFLOW_ENTITIES,
  ...ESCALATION_ENTITIES,
  ...ASSESSMENT_ENTITIES,
  ...EXPORTS_ENTITIES,
];

/** Options for either driver; the schema comes only from migrations, which run at start-up. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: false,
  } as const;
  if (config.database.type === 'mysql') {
    const db = config.database;
    return {
      ...common,
      type: 'mysql',
      host: db.host,
      port: db.port,
      username: db.username,
      password: db.password,
      database: db.database,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      connectorPackage: 'mysql2',
      extra: { connectionLimit: 20 },
    };
  }
  if (config.database.file !== ':memory:') {
    fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.file,
    enableWAL: true,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}
