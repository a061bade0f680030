import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/config';
import { CliModule } from './cli.module';

/** Runs `work` inside the domain's Nest context on the configured database (migrations applied), then closes it. */
export async function withAppContext<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig()), { logger: ['error'] });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
