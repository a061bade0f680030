import * as path from 'node:path';
import { CONFIG_DEFAULTS, ConfigKey } from './defaults';

export type WorkflowEngineKind = 'embedded' | 'temporal';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type DatabaseConfig =
  | { type: 'sqlite'; file: string }
  | { type: 'mysql'; url: string; host: string; port: number; username: string; password: string; database: string };

/** The one typed configuration object. `process.env` is read nowhere else. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  workflowEngine: WorkflowEngineKind;
  smtpUrl: string | null;
  mailFrom: string;
  temporal: { address: string | null; namespace: string };
  timeZone: string;
  logLevel: LogLevel;
  sessionTtlHours: number;
  login: { maxFailures: number; lockMinutes: number };
  bodyLimitKb: number;
  allowClockControl: boolean;
  demoData: boolean;
  /** Pollers (embedded engine, email outbox). Tests turn them off and drive sweeps themselves. */
  backgroundJobs: boolean;
  /**
   * The monthly circular (通报) of a period is composed on the `workingDaysAfterDue`-th working day after the
   * latest lead due date of the period (of the government's plans), at `time` (HH:mm, Asia/Shanghai).
   */
  circular: { workingDaysAfterDue: number; time: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Parses and validates every key, then fails once naming every bad key. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (key: ConfigKey): string => {
    const value = env[key];
    return value === undefined || value === '' ? CONFIG_DEFAULTS[key] : value.trim();
  };
  const int = (key: ConfigKey, min: number, max: number): number => {
    const raw = read(key);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${key}: expected an integer from ${min} to ${max}, got "${raw}"`);
      return Number(CONFIG_DEFAULTS[key]);
    }
    return value;
  };
  const oneOf = <T extends string>(key: ConfigKey, allowed: readonly T[]): T => {
    const raw = read(key);
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${key}: expected one of ${allowed.join(', ')}, got "${raw}"`);
      return CONFIG_DEFAULTS[key] as T;
    }
    return raw as T;
  };
  const timeOfDay = (key: ConfigKey): string => {
    const raw = read(key);
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) {
      problems.push(`${key}: expected a time of day HH:mm (00:00–23:59), got "${raw}"`);
      return CONFIG_DEFAULTS[key];
    }
    return raw;
  };
  const flag = (key: ConfigKey): boolean =>
    oneOf(key, ['0', '1', 'true', 'false'] as const) !== '0' && read(key) !== 'false';

  const dataDir = path.resolve(read('DATA_DIR'));
  const database = parseDatabaseUrl(read('DATABASE_URL'), dataDir, problems);
  const smtpUrl = read('SMTP_URL') || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push(`SMTP_URL: expected smtp://host:port or smtps://…, got "${smtpUrl}"`);
  }
  const temporalAddress = read('TEMPORAL_ADDRESS') || null;
  const workflowEngine = oneOf('WORKFLOW_ENGINE', ['embedded', 'temporal'] as const);
  if (workflowEngine === 'temporal' && !temporalAddress) {
    problems.push(
      'WORKFLOW_ENGINE=temporal needs TEMPORAL_ADDRESS (host:port of the Temporal frontend, e.g. localhost:7233)',
    );
  }
  const timeZone = read('TZ');
  if (!isValidTimeZone(timeZone)) {
    problems.push(`TZ: unknown time zone "${timeZone}"`);
  }
  const env_ = oneOf('NODE_ENV', ['development', 'test', 'production'] as const);
  const port = int('PORT', 0, 65535);
  const host = read('HOST');

  const config: AppConfig = {
    env: env_,
    host,
    port,
    publicUrl: read('PUBLIC_URL') || `http://localhost:${port}`,
    dataDir,
    database,
    workflowEngine,
    smtpUrl,
    mailFrom: read('MAIL_FROM'),
    temporal: { address: temporalAddress, namespace: read('TEMPORAL_NAMESPACE') },
    timeZone,
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const),
    sessionTtlHours: int('SESSION_TTL_HOURS', 1, 24 * 30),
    login: { maxFailures: int('LOGIN_MAX_FAILURES', 1, 100), lockMinutes: int('LOGIN_LOCK_MINUTES', 1, 24 * 60) },
    bodyLimitKb: int('BODY_LIMIT_KB', 16, 100 * 1024),
    allowClockControl: flag('ALLOW_CLOCK_CONTROL'),
    demoData: flag('DEMO_DATA'),
    backgroundJobs: flag('BACKGROUND_JOBS'),
    circular: { workingDaysAfterDue: int('CIRCULAR_WORKING_DAYS_AFTER_DUE', 1, 20), time: timeOfDay('CIRCULAR_TIME') },
  };
  if (config.allowClockControl && config.env === 'production') {
    problems.push('ALLOW_CLOCK_CONTROL: must not be enabled when NODE_ENV=production');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

function parseDatabaseUrl(raw: string, dataDir: string, problems: string[]): DatabaseConfig {
  if (raw === '') {
    return { type: 'sqlite', file: path.join(dataDir, 'app.sqlite') };
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    return { type: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  try {
    const url = new URL(raw);
    if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
      throw new Error('protocol');
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!database) {
      throw new Error('database');
    }
    return {
      type: 'mysql',
      url: raw,
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      username: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database,
    };
  } catch {
    problems.push(`DATABASE_URL: expected mysql://user:pass@host:port/db or sqlite:path, got "${raw}"`);
    return { type: 'sqlite', file: path.join(dataDir, 'app.sqlite') };
  }
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
