import { Logger as NestLogger } from '@nestjs/common';
import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';

/** The SDK's own logs (worker state, workflow and activity logs) through the Nest logger, so one format reaches the collector. */
export class NestTemporalLogger implements TemporalLogger {
  private readonly nest = new NestLogger('Temporal');

  log(level: TemporalLogLevel, message: string, meta?: LogMetadata): void {
    const line = meta && Object.keys(meta).length > 0 ? `${message} ${JSON.stringify(meta)}` : message;
    switch (level) {
      case 'TRACE':
      case 'DEBUG':
        this.nest.debug(line);
        break;
      case 'INFO':
        this.nest.log(line);
        break;
      case 'WARN':
        this.nest.warn(line);
        break;
      case 'ERROR':
        this.nest.error(line);
        break;
    }
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
