import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** One overdue item of a unit, as the circular lists it. */
export interface CircularItem {
  taskId?: number;
  obligationId?: number;
  taskTitle: string;
  /** ISO 8601. */
  dueAt: string;
  overdueWorkingDays: number;
  /** The highest step issued so far. */
  status: 'none' | 'yellow' | 'red' | 'supervision' | 'interview';
}

export interface CircularUnitEntry {
  unitId: number;
  unitName: string;
  overdueCount: number;
  items: CircularItem[];
}

export interface CircularBody {
  period: string;
  unitCount: number;
  itemCount: number;
  units: CircularUnitEntry[];
}

/** 通报: the monthly list of overdue units, numbered 通报〔year〕N号 per office and year. */
@Entity('circular')
@Index('uq_circular_period', ['governmentId', 'period'], { unique: true })
@Index('uq_circular_number', ['governmentId', 'year', 'number'], { unique: true })
export class Circular {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'government_id', type: 'integer' })
  governmentId!: number;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  number!: number;

  /** The reporting period it covers, `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'simple-json' })
  body!: CircularBody;

  @Column(timestampColumn('published_at'))
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'varchar', length: 100 })
  publishedBy!: string;
}
