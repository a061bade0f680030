import { LoggerService } from '@nestjs/common';
import { RequestContext } from '@app/core';
import type { LogLevel } from '@app/config';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Nest's per-module and per-route start-up lines: useful when debugging, noise otherwise. */
const BOOT_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Structured logs: one JSON object per line, with the request id when there is one. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minLevel: LogLevel,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  log(message: unknown, context?: string): void {
    this.emit(context && BOOT_CHATTER.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.emit('error', message, context ?? stackOrContext);
  }
  warn(message: unknown, context?: string): void {
    this.emit('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }

  private emit(level: LogLevel, message: unknown, context?: string): void {
    if (ORDER[level] < ORDER[this.minLevel]) {
      return;
    }
    const fields =
      message instanceof Error
        ? { msg: message.message, stack: message.stack }
        : typeof message === 'object' && message !== null
          ? message
          : { msg: String(message) };
    const requestId = RequestContext.requestId();
    this.write(
      `${JSON.stringify({ time: new Date().toISOString(), level, context, ...(requestId ? { requestId } : {}), ...fields })}\n`,
    );
  }
}
