import 'reflect-metadata';
import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig, type AppConfig } from '@app/config';
import { NestTemporalLogger } from './temporal-logger';
import { TemporalWorkerService, WorkerStartError } from './temporal-worker.service';
import { WorkerModule } from './worker.module';

const NEST_LEVELS: Record<AppConfig['logLevel'], NestLogLevel[]> = {
  debug: ['debug', 'verbose', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

/**
 * The Temporal worker: `TEMPORAL_ADDRESS=host:7233 node dist/apps/worker/main.js`. Nest owns SIGINT/SIGTERM (the
 * SDK's own handlers are switched off) and shuts the worker down gracefully through `onApplicationShutdown`.
 */
async function bootstrap(): Promise<void> {
  const config = configOrExit();
  process.env.TZ = config.timeZone;
  if (!config.temporal.address) {
    fail('TEMPORAL_ADDRESS is not set: the worker needs a Temporal server (e.g. TEMPORAL_ADDRESS=localhost:7233).');
  }
  const logger = new ConsoleLogger('Worker', { json: true, logLevels: NEST_LEVELS[config.logLevel] });
  Runtime.install({ logger: new NestTemporalLogger(), shutdownSignals: [] });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  app.enableShutdownHooks();
  const worker = app.get(TemporalWorkerService);
  try {
    await worker.start();
  } catch (error) {
    await app.close();
    if (error instanceof WorkerStartError) {
      fail(error.message);
    }
    throw error;
  }
  // Resolves after a shutdown signal (Nest then exits); a worker that stops on its own is an error.
  await worker.run();
}

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      fail(error.message);
    }
    throw error;
  }
}

function fail(message: string): never {
  process.stderr.write(`apps/worker: ${message}\n`);
  process.exit(1);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`apps/worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
