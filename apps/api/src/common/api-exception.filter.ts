import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorCode, FieldErrors, RequestContext } from '@app/core';

const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  VALIDATION: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  CONFLICT: HttpStatus.CONFLICT,
  UNPROCESSABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  LOCKED: HttpStatus.TOO_MANY_REQUESTS,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Errors raised by express' body parser before any Nest code runs. */
interface BodyParserError {
  type: string;
  status: number;
}

/** Maps every error to `{ statusCode, error, message, fields?, requestId }`; only a real fault is a 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, message, fields } = this.describe(exception);
    if (status >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    response.status(status).json({
      statusCode: status,
      error: httpReason(status),
      message,
      ...(fields ? { fields } : {}),
      requestId: RequestContext.requestId() ?? undefined,
    });
  }

  private describe(exception: unknown): { status: number; message: string; fields?: FieldErrors } {
    if (exception instanceof DomainError) {
      return { status: STATUS_BY_CODE[exception.code], message: exception.message, fields: exception.fields };
    }
    if (exception instanceof HttpException) {
      if (exception.getStatus() === 413) {
        return {
          status: HttpStatus.PAYLOAD_TOO_LARGE,
          message: '上传的文件或请求体超过大小上限',
          fields: { file: ['超过大小上限'] },
        };
      }
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null) {
        const { message, fields } = body as { message?: string | string[]; fields?: FieldErrors };
        return {
          status: exception.getStatus(),
          message: Array.isArray(message) ? message.join('；') : (message ?? exception.message),
          fields,
        };
      }
      return { status: exception.getStatus(), message: String(body) };
    }
    if (isBodyParserError(exception)) {
      if (exception.type === 'entity.too.large') {
        return { status: HttpStatus.PAYLOAD_TOO_LARGE, message: '请求体过大' };
      }
      if (exception.type === 'entity.parse.failed') {
        return {
          status: HttpStatus.BAD_REQUEST,
          message: '请求体不是合法的 JSON',
          fields: { body: ['不是合法的 JSON'] },
        };
      }
      return { status: exception.status, message: `请求体无法读取（${exception.type}）` };
    }
    if (exception instanceof QueryFailedError && isDuplicate(exception.driverError)) {
      return { status: HttpStatus.CONFLICT, message: '数据已存在（唯一性冲突）' };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: '服务器内部错误，请联系管理员并提供请求编号' };
  }
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number' && candidate.status < 500;
}

function isDuplicate(driverError: unknown): boolean {
  const driver = driverError as { code?: string } | undefined;
  return driver?.code === 'ER_DUP_ENTRY' || driver?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function httpReason(status: number): string {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Unprocessable Entity',
    413: 'Payload Too Large',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
  };
  return reasons[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}
