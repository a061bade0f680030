import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';
import type { Grade } from '../scheme/scoring-scheme';
import type { RankGroup } from '../scoring/ranking';
import type { TraceLine } from '../scoring/trace';
import { storedTrace } from './stored-trace';

/**
 * One unit's score in a run. Mutable while the run is a draft or released (recomputation, adjustments, appeals);
 * after publication a correction adds a new version and the old one is kept, marked not current.
 */
@Entity('assessment_result')
@Index('uq_assessment_result_version', ['runId', 'unitId', 'version'], { unique: true })
@Index('ix_assessment_result_current', ['runId', 'isCurrent'])
export class AssessmentResult {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'run_id', type: 'integer' })
  runId!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'is_current', type: 'boolean' })
  isCurrent!: boolean;

  @Column({ name: 'rank_group', type: 'varchar', length: 20 })
  rankGroup!: RankGroup;

  /** false: the unit had nothing to score this year (see `note`); it has no total and no rank. */
  @Column({ type: 'boolean' })
  scored!: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ type: 'double', nullable: true })
  timeliness!: number | null;

  @Column({ type: 'double', nullable: true })
  completion!: number | null;

  @Column({ name: 'review_quality', type: 'double', nullable: true })
  reviewQuality!: number | null;

  @Column({ type: 'double', nullable: true })
  indicators!: number | null;

  @Column({ type: 'double', nullable: true })
  deductions!: number | null;

  @Column({ type: 'double', nullable: true })
  bonus!: number | null;

  @Column({ type: 'double', nullable: true })
  adjustments!: number | null;

  /** Points added so the total does not fall below 0. */
  @Column({ type: 'double', nullable: true })
  floor!: number | null;

  @Column({ type: 'double', nullable: true })
  total!: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  grade!: Grade | null;

  /** Every point with its reason and records; the lines add up to `total`. */
  @Column({ type: 'simple-json', transformer: storedTrace })
  trace!: TraceLine[];

  @Column({ name: 'scheme_version', type: 'integer' })
  schemeVersion!: number;

  @Column(timestampColumn('computed_at'))
  computedAt!: Date;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;

  @Column(timestampColumn('superseded_at', true))
  supersededAt!: Date | null;
}
