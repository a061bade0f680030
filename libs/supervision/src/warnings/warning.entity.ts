import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** 黄色预警, 红色预警 (overdue report), 进度滞后预警 (progress lags its schedule). */
export const WARNING_KINDS = ['yellow', 'red', 'progress_lag'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** 预警: a record that a unit was warned. Warnings are never withdrawn: they count in the year-end assessment. */
@Entity('warning')
@Index('uq_warning_dedup', ['dedupKey'], { unique: true })
@Index('ix_warning_unit', ['unitId', 'issuedAt'])
@Index('ix_warning_plan', ['planId', 'kind'])
export class Warning {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: WarningKind;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ name: 'task_id', type: 'integer', nullable: true })
  taskId!: number | null;

  /** The reporting obligation that was overdue; no foreign key: obligations belong to `@app/reporting`. */
  @Column({ name: 'obligation_id', type: 'integer', nullable: true })
  obligationId!: number | null;

  @Column({ type: 'text' })
  reason!: string;

  /** The engine's step key (`notice:{obligationId}:yellow_warning` …): issuing the same step twice is a no-op. */
  @Column({ name: 'dedup_key', type: 'varchar', length: 200 })
  dedupKey!: string;

  @Column(timestampColumn('issued_at'))
  issuedAt!: Date;

  @Column({ name: 'issued_by', type: 'varchar', length: 100 })
  issuedBy!: string;
}
