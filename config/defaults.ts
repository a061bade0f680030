/** Defaults for every setting; each can be overridden by the environment variable of the same name. */
export const CONFIG_DEFAULTS = {
  NODE_ENV: 'development',
  HOST: '0.0.0.0',
  PORT: '3000',
  DATA_DIR: './data',
  DATABASE_URL: '',
  WORKFLOW_ENGINE: 'embedded',
  SMTP_URL: '',
  MAIL_FROM: '领导小组办公室 <office@localhost>',
  TEMPORAL_ADDRESS: '',
  TEMPORAL_NAMESPACE: 'default',
  TZ: 'Asia/Shanghai',
  LOG_LEVEL: 'info',
  SESSION_TTL_HOURS: '12',
  LOGIN_MAX_FAILURES: '5',
  LOGIN_LOCK_MINUTES: '15',
  BODY_LIMIT_KB: '1024',
  ALLOW_CLOCK_CONTROL: '0',
  DEMO_DATA: '1',
  BACKGROUND_JOBS: '1',
  PUBLIC_URL: '',
  CIRCULAR_WORKING_DAYS_AFTER_DUE: '5',
  CIRCULAR_TIME: '10:00',
} as const;

export type ConfigKey = keyof typeof CONFIG_DEFAULTS;
