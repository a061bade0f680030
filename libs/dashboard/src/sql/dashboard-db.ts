import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Fragment } from './sql';

/** Runs the dashboard's read-only SQL. Numbers come back as strings from MySQL aggregates: callers convert. */
@Injectable()
export class DashboardDb {
  constructor(private readonly dataSource: DataSource) {}

  rows<T>(query: Fragment): Promise<T[]> {
    return this.dataSource.query<T[]>(query.text, [...query.params]);
  }
}

/** An aggregate or id column as a number (mysql2 returns DECIMAL sums and BIGINT counts as strings). */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** SQLite returns DATETIME(3) as UTC text, mysql2 (timezone Z) as a Date. */
export function asDate(value: unknown): Date {
  if (value instanceof Date) {
    return value;
  }
  const text = String(value);
  return new Date(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`);
}
