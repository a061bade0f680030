import { ValueTransformer } from 'typeorm';

/**
 * Timestamps are stored as DATETIME(3) in UTC on both drivers. SQLite returns them as strings
 * ("YYYY-MM-DD HH:MM:SS.SSS", UTC); mysql2 with `timezone: 'Z'` returns Dates. Normalise to Date.
 */
export const utcDate: ValueTransformer = {
  to: (value: Date | null | undefined) => value ?? null,
  from: (value: Date | string | null) => {
    if (value === null || value === undefined) {
      return null;
    }
    if (value instanceof Date) {
      return value;
    }
    return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
  },
};

/** Column options for a timestamp, shared by every entity. */
export function timestampColumn(name: string, nullable = false) {
  return { name, type: 'datetime' as const, precision: 3, nullable, transformer: utcDate };
}

/**
 * A DATETIME(3) parameter or literal for plain SQL: the UTC text SQLite stores (and compares as a string) and MySQL
 * (timezone Z) reads as the same instant.
 */
export function dbTime(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}
