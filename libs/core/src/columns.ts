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
