import type { ErrorBody } from './types';

export type FieldErrors = Record<string, string[]>;

/** An API refusal (or a network failure, status 0) with the reasons per field the API named. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody(status: number, body: unknown): ApiError {
    const error = (typeof body === 'object' && body !== null ? body : {}) as Partial<ErrorBody>;
    const message = typeof error.message === 'string' && error.message ? error.message : `HTTP ${status}`;
    return new ApiError(status, message, error.fields ?? {});
  }

  static network(cause: unknown): ApiError {
    return new ApiError(0, cause instanceof Error ? cause.message : String(cause));
  }
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : ApiError.network(error);
}
