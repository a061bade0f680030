export type PolicyErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_TIME'
  | 'INVALID_OFFICE_HOURS'
  | 'CONFLICTING_CALENDAR_DAYS'
  | 'NO_WORKING_DAY'
  | 'INVALID_LADDER'
  | 'INVALID_INPUT';

/**
 * Framework-free error for data the policy cannot use (a malformed date, an impossible ladder). Kept free of
 * `@app/core` because workflow code imports this folder through relative paths only.
 */
export class PolicyError extends Error {
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}
