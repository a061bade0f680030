import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';
import type { AdjustmentKind } from '../scoring/unit-facts';

/** A change of a unit's score by the office, always with a reason: a plain adjustment, an appeal's, a correction. */
@Entity('assessment_adjustment')
@Index('ix_assessment_adjustment_run_unit', ['runId', 'unitId'])
export class AssessmentAdjustment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'run_id', type: 'integer' })
  runId!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: AdjustmentKind;

  @Column({ type: 'double' })
  points!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'appeal_id', type: 'integer', nullable: true })
  appealId!: number | null;

  /** The result version it was first applied to (a correction creates that version). */
  @Column({ name: 'result_version', type: 'integer' })
  resultVersion!: number;

  @Column({ name: 'created_by', type: 'integer' })
  createdBy!: number;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}
