import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@app/config';
import { ApiModule } from './api.module';
import { JsonLogger } from './common/json-logger';
import { setupApp } from './setup-app';

/** Builds the API application (migrations run as the database connects). */
export async function createApiApp(
  config: AppConfig,
  logger = new JsonLogger(config.logLevel),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    logger,
  });
  setupApp(app, config);
  return app;
}
