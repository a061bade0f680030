import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '@app/core';

const logger = new Logger('Request');

/** Gives every request an id (kept from `X-Request-Id` when sane), returns it, and logs the outcome. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  RequestContext.run({ requestId }, () => {
    response.on('finish', () => {
      RequestContext.run({ requestId }, () =>
        logger.log({
          msg: 'request',
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          userId: (request as Request & { user?: { id: number } }).user?.id,
        }),
      );
    });
    next();
  });
}
