/** Helpers for raw SQL that runs unchanged on SQLite and MySQL (`?` placeholders on both drivers). */

/** A timestamp as both drivers compare it with DATETIME(3) columns stored in UTC: `YYYY-MM-DD HH:MM:SS.SSS`. */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** Numbers come back as numbers (SQLite), or as strings for SUM/DECIMAL and BIGINT (mysql2). */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A comma-separated `GROUP_CONCAT` of integers (NULLs are skipped by both databases). */
export function idList(value: unknown): number[] {
  // mysql2 returns GROUP_CONCAT of numbers as a binary string (a Buffer).
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : '';
  return text === '' ? [] : text.split(',').map(Number);
}

/** The instants a calendar year covers in Asia/Shanghai (UTC+8, no daylight saving), half-open. */
export function shanghaiYear(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}
