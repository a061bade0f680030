import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** 先行先试加分: a recognised innovation of a unit in a plan's year, entered by the office with its reason. */
@Entity('assessment_bonus')
@Index('ix_assessment_bonus_plan_year', ['planId', 'year', 'unitId'])
export class AssessmentBonus {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ type: 'double' })
  points!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'integer' })
  createdBy!: number;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  /** Withdrawn entries are kept (and audited) but no longer count. */
  @Column(timestampColumn('withdrawn_at', true))
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_by', type: 'integer', nullable: true })
  withdrawnBy!: number | null;
}
