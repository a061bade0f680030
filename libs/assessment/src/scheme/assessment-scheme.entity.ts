import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';
import type { ScoringScheme } from './scoring-scheme';

/** One version of a plan's scoring scheme for a year. Never changed: a change is a new version. */
@Entity('assessment_scheme')
@Index('uq_assessment_scheme_version', ['planId', 'year', 'version'], { unique: true })
export class AssessmentScheme {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ type: 'integer' })
  year!: number;

  /** 1, 2, …: each change of the scheme adds one. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'simple-json' })
  config!: ScoringScheme;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}
