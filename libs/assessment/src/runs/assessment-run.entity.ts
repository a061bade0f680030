import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** draft (初评, the office's eyes only) → released (公示, appeal window) → published (发布, frozen). */
export const RUN_STATUSES = ['draft', 'released', 'published'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_STATUS_LABELS: Record<RunStatus, string> = { draft: '初评', released: '公示中', published: '已发布' };

/** 年度考核: the assessment of one plan for one year. */
@Entity('assessment_run')
@Index('uq_assessment_run_plan_year', ['planId', 'year'], { unique: true })
export class AssessmentRun {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: RunStatus;

  /** The scheme version the current results were computed with (pinned at each computation). */
  @Column({ name: 'scheme_id', type: 'integer', nullable: true })
  schemeId!: number | null;

  @Column({ name: 'scheme_version', type: 'integer', nullable: true })
  schemeVersion!: number | null;

  /** How many times the draft was computed; 0 until the first computation. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  /** The records were read as of this instant: obligations not yet due then were not counted. */
  @Column(timestampColumn('computed_at', true))
  computedAt!: Date | null;

  @Column(timestampColumn('released_at', true))
  releasedAt!: Date | null;

  /** 申诉截止: appeals filed later are refused; nothing else happens when it passes. */
  @Column(timestampColumn('appeal_deadline', true))
  appealDeadline!: Date | null;

  @Column(timestampColumn('published_at', true))
  publishedAt!: Date | null;

  @Column({ name: 'started_by', type: 'varchar', length: 100 })
  startedBy!: string;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}
