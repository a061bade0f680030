import { QueryRunner, TableColumnOptions } from 'typeorm';

/** Column builders shared by migrations, so both drivers get the same schema from one description. */
export const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
export const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});
export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: defaultValue ? 1 : 0,
});
export const timestamp = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
/** Long text: MySQL's TEXT stops at 64 KB, which a plan's source text or an audit snapshot can exceed. */
export const longText = (runner: QueryRunner, name: string, nullable = true): TableColumnOptions => ({
  name,
  type: runner.connection.options.type === 'mysql' ? 'longtext' : 'text',
  isNullable: nullable,
});
