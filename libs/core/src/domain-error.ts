/**
 * Framework-free error for rule violations. The API maps `code` to an HTTP status in one exception filter;
 * Temporal activities map non-retryable codes to `ApplicationFailure.nonRetryable`.
 */
export type DomainErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'LOCKED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAVAILABLE';

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string, id: string | number): DomainError {
    return new DomainError('NOT_FOUND', `${what}不存在：${id}`);
  }

  static invalid(field: string, reason: string): DomainError {
    return new DomainError('VALIDATION', `${field}：${reason}`, { [field]: [reason] });
  }
}
