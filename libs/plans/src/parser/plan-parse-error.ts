/** Largest plan file the parser accepts (bytes or UTF-16 code units of text). */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;

export type PlanParseErrorCode = 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'NOT_DOCX' | 'MISSING_COLUMNS' | 'NO_TASKS';

/**
 * Framework-free error for input the parser cannot use. The message is Chinese first, then English, and says what
 * is wrong and where (`line`, when there is a place to point at).
 */
export class PlanParseError extends Error {
  constructor(
    readonly code: PlanParseErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'PlanParseError';
  }
}
